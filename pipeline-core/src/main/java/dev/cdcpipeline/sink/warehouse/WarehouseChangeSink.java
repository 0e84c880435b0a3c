package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.job.ChangeSink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes changes to the warehouse through flink-connector-jdbc: one JDBC sink per table, each
 * with its table's upsert statement. Batches flush at the batch size, the flush interval and
 * every checkpoint; a failed flush is retried, then fails the job, which replays from the last
 * checkpoint. Replays are harmless: every write is guarded by the source position. A change with
 * a value PostgreSQL cannot store (see {@link WarehouseValues}) goes to the dead letters instead.
 */
public final class WarehouseChangeSink implements ChangeSink {

    private final WarehouseSettings settings;
    private final List<WarehouseTable> tables;

    public WarehouseChangeSink(WarehouseSettings settings, List<WarehouseTable> tables) {
        this.settings = settings;
        this.tables = List.copyOf(tables);
    }

    /** Changes the warehouse could not store, with the reason. */
    static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("warehouse-dead-letters", TypeInformation.of(DeadLetter.class));

    @Override
    public Optional<DataStream<DeadLetter>> attachTo(DataStream<ChangeEvent> changes) {
        Map<TableId, OutputTag<ChangeEvent>> tagByTable = new HashMap<>();
        for (WarehouseTable table : tables) {
            tagByTable.put(table.source(), new OutputTag<>(table.source().toString(), ChangeEventTypeInfo.INSTANCE));
        }
        SingleOutputStreamOperator<ChangeEvent> routed =
                changes.process(new RouteByTable(tagByTable)).uid("warehouse-router").name("Route to warehouse tables");
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
        return new MeasuredJdbcSink<>(WarehouseJdbcSinks.atLeastOnce(settings, new ChangeEventUpsert(table, latency)), latency);
    }

    /** Sends each change to its table's side output, or to the dead letters if the warehouse could not store it. */
    static final class RouteByTable extends ProcessFunction<ChangeEvent, ChangeEvent> {
        private static final long serialVersionUID = 1L;
        private final HashMap<TableId, OutputTag<ChangeEvent>> tagByTable;
        private transient Counter deadLetters;

        RouteByTable(Map<TableId, OutputTag<ChangeEvent>> tagByTable) {
            this.tagByTable = new HashMap<>(tagByTable);
        }

        @Override
        public void open(OpenContext openContext) {
            deadLetters = getRuntimeContext().getMetricGroup().addGroup(WriteLatency.METRIC_GROUP).counter("deadLetters");
        }

        @Override
        public void processElement(ChangeEvent change, Context context, Collector<ChangeEvent> out) {
            OutputTag<ChangeEvent> tag = tagByTable.get(change.table());
            if (tag == null) {
                throw new IllegalStateException("No warehouse table for a change of " + change.table());
            }
            Optional<String> problem = WarehouseValues.problemOf(change.latestRow());
            if (problem.isPresent()) {
                deadLetters.inc();
                context.output(DEAD_LETTERS, DeadLetter.of("warehouse", problem.get(), change,
                        context.timerService().currentProcessingTime()));
                return;
            }
            context.output(tag, change);
        }
    }
}
