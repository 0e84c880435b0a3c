package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.config.SchemaChangeMode;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.job.ChangeSink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes changes to the warehouse through flink-connector-jdbc: one JDBC sink per table, each
 * with its table's upsert statement. Batches flush at the batch size, the flush interval and
 * every checkpoint; a failed flush is retried, then fails the job, which replays from the last
 * checkpoint. Replays are harmless: every write is guarded by the source position; snapshot reads,
 * which have none, are held back until their checkpoint completes ({@link SnapshotReadHoldBack}). Before the
 * sinks, {@link WarehouseRouter} checks each change against its table: a schema change of the
 * source is followed, ignored or stops the job as {@code pipeline.schema-changes} says, and a value
 * the table cannot hold goes to the dead letters instead.
 */
public final class WarehouseChangeSink implements ChangeSink {

    private final WarehouseSettings settings;
    private final List<WarehouseTable> tables;
    private final SchemaChangeMode schemaChanges;
    private final List<SourceSettings> sources;

    /**
     * @param sources the pipeline's sources, which {@code schema-changes: evolve} and {@code fail}
     *     ask how a table changed
     */
    public WarehouseChangeSink(WarehouseSettings settings, List<WarehouseTable> tables, SchemaChangeMode schemaChanges,
            List<SourceSettings> sources) {
        this.settings = settings;
        this.tables = List.copyOf(tables);
        this.schemaChanges = schemaChanges;
        this.sources = List.copyOf(sources);
    }

    static final String HOLD_BACK_UID = "warehouse-snapshot-read-hold-back";

    /** Changes the warehouse could not store, with the reason. */
    static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("warehouse-dead-letters", TypeInformation.of(DeadLetter.class));

    @Override
    public Optional<DataStream<DeadLetter>> attachTo(DataStream<ChangeEvent> changes) {
        Map<TableId, OutputTag<ChangeEvent>> tagByTable = new HashMap<>();
        for (WarehouseTable table : tables) {
            tagByTable.put(table.source(), new OutputTag<>(table.source().toString(), ChangeEventTypeInfo.INSTANCE));
        }
        WarehouseRouter router =
                new WarehouseRouter(tables, tagByTable, DEAD_LETTERS, schemaChanges, new JdbcSchemaAccess(settings, sources));
        DataStream<ChangeEvent> checkpointedReads = changes
                .transform("Hold snapshot reads until checkpointed", ChangeEventTypeInfo.INSTANCE, new SnapshotReadHoldBack())
                .uid(HOLD_BACK_UID);
        SingleOutputStreamOperator<ChangeEvent> routed =
                checkpointedReads.process(router).uid("warehouse-router").name("Route to warehouse tables");
        for (WarehouseTable table : tables) {
            routed.getSideOutput(tagByTable.get(table.source()))
                    .sinkTo(measuredSink(table))
                    .uid("warehouse-" + table.source().source() + "." + table.source().qualifiedName())
                    .name("Warehouse " + table.schema() + "." + table.name());
        }
        return Optional.of(routed.getSideOutput(DEAD_LETTERS));
    }

    /** The table's JDBC sink, with the latency of its writes as metrics (see {@link WriteLatency}). */
    private MeasuredJdbcSink<ChangeEvent> measuredSink(WarehouseTable table) {
        WriteLatency latency = new WriteLatency();
        return new MeasuredJdbcSink<>(
                WarehouseJdbcSinks.atLeastOnce(settings, ChangeEventUpsert.ofLiveTable(table, settings, latency)), latency);
    }
}
