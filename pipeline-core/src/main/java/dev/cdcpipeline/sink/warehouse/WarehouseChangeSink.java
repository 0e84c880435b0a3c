package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.job.ChangeSink;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes changes to the warehouse through flink-connector-jdbc: one JDBC sink per table, each
 * with its table's upsert statement. Batches flush at the batch size, the flush interval and
 * every checkpoint; a failed flush is retried, then fails the job, which replays from the last
 * checkpoint. Replays are harmless: every write is guarded by the source position.
 */
public final class WarehouseChangeSink implements ChangeSink {

    private final WarehouseSettings settings;
    private final List<WarehouseTable> tables;

    public WarehouseChangeSink(WarehouseSettings settings, List<WarehouseTable> tables) {
        this.settings = settings;
        this.tables = List.copyOf(tables);
    }

    @Override
    public void attachTo(DataStream<ChangeEvent> changes) {
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
    }

    /** The table's JDBC sink, with the latency of its writes as metrics (see {@link WriteLatency}). */
    private MeasuredJdbcSink<ChangeEvent> measuredSink(WarehouseTable table) {
        WriteLatency latency = new WriteLatency();
        return new MeasuredJdbcSink<>(WarehouseJdbcSinks.atLeastOnce(settings, new ChangeEventUpsert(table, latency)), latency);
    }

    /** Sends each change to its table's side output. */
    static final class RouteByTable extends ProcessFunction<ChangeEvent, ChangeEvent> {
        private static final long serialVersionUID = 1L;
        private final HashMap<TableId, OutputTag<ChangeEvent>> tagByTable;

        RouteByTable(Map<TableId, OutputTag<ChangeEvent>> tagByTable) {
            this.tagByTable = new HashMap<>(tagByTable);
        }

        @Override
        public void processElement(ChangeEvent change, Context context, Collector<ChangeEvent> out) {
            OutputTag<ChangeEvent> tag = tagByTable.get(change.table());
            if (tag == null) {
                throw new IllegalStateException("No warehouse table for a change of " + change.table());
            }
            context.output(tag, change);
        }
    }
}
