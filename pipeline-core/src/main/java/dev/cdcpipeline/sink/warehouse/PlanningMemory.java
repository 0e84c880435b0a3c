package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What the router decided about columns of a table without changing the warehouse, kept for a
 * while so that it does not ask the source again for every change of a replay or of a column whose
 * values keep not fitting. Kept briefly, because the source's schema may change again: a column
 * of a renamed name may come back as a new column.
 */
final class PlanningMemory {

    static final Duration KEEP = Duration.ofSeconds(10);

    private final Map<TableId, Map<String, Remembered>> byTable = new HashMap<>();

    /** A change's column that the warehouse holds as {@code warehouseName}, or not at all when that is null. */
    private record Remembered(String warehouseName, boolean notWidening, long untilMillis) {}

    void rememberAliases(TableId table, Map<String, String> aliases, long now) {
        aliases.forEach((column, warehouseName) ->
                remember(table, column, new Remembered(warehouseName, false, now + KEEP.toMillis())));
    }

    void rememberIgnored(TableId table, Collection<String> columns, long now) {
        columns.forEach(column -> remember(table, column, new Remembered(null, false, now + KEEP.toMillis())));
    }

    /** Columns whose values did not fit while the source's type was no wider than the warehouse's. */
    void rememberNotWidening(TableId table, Collection<String> columns, long now) {
        columns.forEach(column -> remember(table, column, new Remembered(column, true, now + KEEP.toMillis())));
    }

    boolean allNotWidening(TableId table, Collection<String> columns, long now) {
        return !columns.isEmpty() && columns.stream().allMatch(column -> {
            Remembered remembered = current(table, column, now);
            return remembered != null && remembered.notWidening();
        });
    }

    /** The change with the remembered renames applied and the remembered ignored columns left out. */
    ChangeEvent apply(ChangeEvent change, long now) {
        Map<String, Remembered> remembered = byTable.get(change.table());
        if (remembered == null) {
            return change;
        }
        remembered.values().removeIf(entry -> entry.untilMillis() < now);
        Map<String, String> renamed = new HashMap<>();
        remembered.forEach((column, entry) -> {
            if (!entry.notWidening() && entry.warehouseName() != null) {
                renamed.put(column, entry.warehouseName());
            }
        });
        return RowRewrite.rewrite(change, renamed, column -> {
            Remembered entry = remembered.get(column);
            return entry != null && !entry.notWidening() && entry.warehouseName() == null;
        });
    }

    private void remember(TableId table, String column, Remembered remembered) {
        byTable.computeIfAbsent(table, any -> new HashMap<>()).put(column, remembered);
    }

    private Remembered current(TableId table, String column, long now) {
        Remembered remembered = byTable.getOrDefault(table, Map.of()).get(column);
        return remembered == null || remembered.untilMillis() < now ? null : remembered;
    }
}
