package dev.cdcpipeline.source.debezium;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
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
 * Turns the Debezium records of Flink CDC's MySQL and PostgreSQL sources into {@link ChangeEvent}s.
 *
 * <p>The position comes from the record's {@code source} block (see {@link SourceDialect}).
 * Snapshot reads carry the position of the snapshot or of the log event merged into the chunk,
 * never beyond the chunk's high watermark, so the log changes that follow always compare as newer.
 */
public class ChangeEventDeserializer implements DebeziumDeserializationSchema<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final SourceDialect dialect;
    private final HashMap<TableId, Set<String>> jsonColumnsByTable;

    /**
     * @param sourceName the pipeline's name for the source, part of every table id
     * @param jsonColumnsByTable the columns of each table that hold JSON (see {@link SourceTable#jsonColumns()})
     */
    public ChangeEventDeserializer(String sourceName, SourceDialect dialect, Map<TableId, Set<String>> jsonColumnsByTable) {
        this.sourceName = sourceName;
        this.dialect = dialect;
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
        TableId table = new TableId(sourceName, dialect.namespaceOf(source), source.getString("table"));
        Set<String> jsonColumns = jsonColumnsByTable.getOrDefault(table, Set.of());
        try {
            Map<String, Object> before = DebeziumValueConverter.toRow(envelope.getStruct("before"), jsonColumns);
            Map<String, Object> after = DebeziumValueConverter.toRow(envelope.getStruct("after"), jsonColumns);
            Map<String, Object> key = DebeziumValueConverter.toRow((Struct) record.key(), jsonColumns);
            if (key == null) {
                throw new IllegalStateException("the change record has no primary key");
            }
            return new ChangeEvent(
                    table, operation, key, before, after, dialect.positionOf(source), source.getInt64("ts_ms"));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot read a " + operation + " of " + table + " at " + dialect.describePosition(source) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TypeInformation<ChangeEvent> getProducedType() {
        return ChangeEventTypeInfo.INSTANCE;
    }
}
