package dev.cdcpipeline.source.mysql;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.schema.SourceTable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns the Debezium records of Flink CDC's MySQL source into {@link ChangeEvent}s.
 *
 * <p>The position comes from the record's {@code source} block (binlog file, event offset, row in
 * the event), which orders every row change. Snapshot reads carry the position of the snapshot
 * or of the binlog event merged into the chunk, never beyond the chunk's high watermark, so the
 * binlog changes that follow always compare as newer.
 */
public class MySqlChangeEventDeserializer implements DebeziumDeserializationSchema<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final HashMap<TableId, Set<String>> jsonColumnsByTable;

    /** @param jsonColumnsByTable the columns of each table that hold JSON (see {@link SourceTable#jsonColumns()}) */
    public MySqlChangeEventDeserializer(Map<TableId, Set<String>> jsonColumnsByTable) {
        this.jsonColumnsByTable = new HashMap<>(jsonColumnsByTable);
    }

    @Override
    public void deserialize(SourceRecord record, Collector<ChangeEvent> out) {
        Struct envelope = (Struct) record.value();
        // Tombstones (null value after a delete) repeat what the delete said; schema-change and
        // heartbeat records have no "op": neither is a row change.
        if (envelope == null || envelope.schema().field("op") == null) {
            return;
        }
        out.collect(toChangeEvent(record, envelope));
    }

    private ChangeEvent toChangeEvent(SourceRecord record, Struct envelope) {
        Operation operation = Operation.fromCode(envelope.getString("op"));
        Struct source = envelope.getStruct("source");
        TableId table = new TableId(source.getString("db"), source.getString("table"));
        Set<String> jsonColumns = jsonColumnsByTable.getOrDefault(table, Set.of());
        try {
            Map<String, Object> before = DebeziumValueConverter.toRow(envelope.getStruct("before"), jsonColumns);
            Map<String, Object> after = DebeziumValueConverter.toRow(envelope.getStruct("after"), jsonColumns);
            Map<String, Object> key = DebeziumValueConverter.toRow((Struct) record.key(), jsonColumns);
            if (key == null) {
                throw new IllegalStateException("the change record has no primary key");
            }
            return new ChangeEvent(
                    table, operation, key, before, after, positionOf(source), source.getInt64("ts_ms"));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot read a " + operation + " of " + table + " at " + describePosition(source) + ": " + e.getMessage(), e);
        }
    }

    private static SourcePosition positionOf(Struct source) {
        Integer row = source.getInt32("row");
        return SourcePosition.ofBinlog(source.getString("file"), source.getInt64("pos"), row == null ? 0 : row);
    }

    private static String describePosition(Struct source) {
        return source.getString("file") + ":" + source.getInt64("pos");
    }

    @Override
    public TypeInformation<ChangeEvent> getProducedType() {
        return ChangeEventTypeInfo.INSTANCE;
    }
}
