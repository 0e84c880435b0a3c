package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.TableId;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL attnum of each warehouse column, as the source had it while the column had that
 * name at the source: what tells a renamed column (same attnum, new name) from a dropped one and an
 * added one. Kept in the router's operator state, so that a rename made while the job restarted,
 * or while it was stopped, is still recognised.
 */
final class RecordedColumnIds {

    /** State entries: table, column, attnum. */
    static final TypeInformation<Tuple3<String, String, Integer>> ENTRY_TYPE = Types.TUPLE(Types.STRING, Types.STRING, Types.INT);

    private final Map<TableId, Map<String, Integer>> byTable = new HashMap<>();

    /** From state: entries of tables that are no longer captured are dropped. */
    static RecordedColumnIds restore(Iterable<Tuple3<String, String, Integer>> entries, Collection<TableId> tables) {
        Map<String, TableId> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.toString(), table));
        RecordedColumnIds ids = new RecordedColumnIds();
        for (Tuple3<String, String, Integer> entry : entries) {
            TableId table = byName.get(entry.f0);
            if (table != null) {
                ids.byTable.computeIfAbsent(table, any -> new HashMap<>()).put(entry.f1, entry.f2);
            }
        }
        return ids;
    }

    /**
     * Brings the record up to the source as it is now: a warehouse column the source has under the
     * same name gets its current attnum; one the source no longer has keeps the attnum recorded
     * before (it may come back renamed); columns the warehouse no longer has are forgotten.
     */
    void update(TableId table, LiveTable warehouse, Map<String, Integer> sourceIds) {
        Map<String, Integer> recorded = byTable.computeIfAbsent(table, any -> new HashMap<>());
        recorded.keySet().removeIf(column -> warehouse.column(column).isEmpty());
        sourceIds.forEach((column, id) -> {
            if (warehouse.column(column).isPresent()) {
                recorded.put(column, id);
            }
        });
    }

    Map<String, Integer> of(TableId table) {
        return byTable.getOrDefault(table, Map.of());
    }

    List<Tuple3<String, String, Integer>> entries() {
        List<Tuple3<String, String, Integer>> entries = new ArrayList<>();
        byTable.forEach((table, columns) -> columns.forEach((column, id) -> entries.add(Tuple3.of(table.toString(), column, id))));
        return entries;
    }
}
