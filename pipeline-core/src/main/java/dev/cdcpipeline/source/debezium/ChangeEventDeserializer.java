package dev.cdcpipeline.source.debezium;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.schema.SourceTable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.types.Either;
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
 *
 * <p>A record it cannot read (a value the change model has no kind for, such as a MySQL TIME of
 * 100 hours, or a record without a key) becomes a dead letter of stage {@code source} instead of an
 * exception: thrown here, it would fail the job on every restart, since the source reads the same
 * record again. The source has no side output, so both kinds leave it as one {@link Either}, which
 * {@link SourceDeadLetterSplit} separates right after the source.
 */
public class ChangeEventDeserializer implements DebeziumDeserializationSchema<Either<DeadLetter, ChangeEvent>> {

    private static final long serialVersionUID = 1L;

    public static final String STAGE = "source";

    /** What the sources produce: a dead letter (left) or a change (right), each with its own serializer, no Kryo. */
    public static final TypeInformation<Either<DeadLetter, ChangeEvent>> PRODUCED_TYPE =
            new EitherTypeInfo<>(TypeInformation.of(DeadLetter.class), ChangeEventTypeInfo.INSTANCE);

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
    public void deserialize(SourceRecord record, Collector<Either<DeadLetter, ChangeEvent>> out) {
        // Tombstones (null value after a delete) repeat what the delete said; schema-change and
        // heartbeat records have no "op": neither is a row change.
        if (!(record.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
            return;
        }
        try {
            out.collect(Either.Right(toChangeEvent(record, envelope)));
        } catch (RuntimeException e) {
            out.collect(Either.Left(deadLetter(record, e)));
        }
    }

    private ChangeEvent toChangeEvent(SourceRecord record, Struct envelope) {
        Operation operation = Operation.fromCode(envelope.getString("op"));
        Struct source = envelope.getStruct("source");
        TableId table = tableOf(source);
        Set<String> jsonColumns = jsonColumnsByTable.getOrDefault(table, Set.of());
        Map<String, Object> before = DebeziumValueConverter.toRow(envelope.getStruct("before"), jsonColumns);
        Map<String, Object> after = DebeziumValueConverter.toRow(envelope.getStruct("after"), jsonColumns);
        Map<String, Object> key = DebeziumValueConverter.toRow((Struct) record.key(), jsonColumns);
        if (key == null) {
            throw new IllegalStateException("the change record has no primary key");
        }
        return new ChangeEvent(table, operation, key, before, after, dialect.positionOf(source), source.getInt64("ts_ms"));
    }

    private TableId tableOf(Struct source) {
        return new TableId(sourceName, dialect.namespaceOf(source), source.getString("table"));
    }

    /**
     * The record set aside with why and where. The reason names the table, the position and (for
     * a value) the column and its type, never a value: converter failures say no more (see
     * {@link DebeziumValueConverter}), and the other failures are about the record's structure.
     */
    private DeadLetter deadLetter(SourceRecord record, RuntimeException failure) {
        String table;
        String where;
        String what;
        try {
            Struct envelope = (Struct) record.value();
            Struct source = envelope.getStruct("source");
            table = tableOf(source).toString();
            where = " at " + dialect.describePosition(source);
            what = "a change (op '" + envelope.getString("op") + "') of " + table;
        } catch (RuntimeException unreadable) {
            // Not even the source block: the record's topic is all that names its table.
            table = sourceName + ":" + record.topic();
            where = "";
            what = "a record of " + table;
        }
        String cause = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        String reason = "Cannot read " + what + where + ": " + cause;
        return new DeadLetter(STAGE, reason, table, DebeziumRecordJson.of(record), System.currentTimeMillis());
    }

    @Override
    public TypeInformation<Either<DeadLetter, ChangeEvent>> getProducedType() {
        return PRODUCED_TYPE;
    }
}
