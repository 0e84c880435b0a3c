package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.features.FeatureRecord;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.features.serialization.FeatureRecordTypeInfo;
import dev.cdcpipeline.sink.warehouse.WarehouseJdbcSinks;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes feature records to the warehouse through flink-connector-jdbc: per view, one JDBC sink
 * for {@code <view>_latest} and one for {@code <view>_history} (see {@link FeatureTable}). Batches
 * flush at the batch size, the flush interval and every checkpoint; a failed flush is retried,
 * then fails the job, which replays from the last checkpoint. Replays are harmless: every write is
 * guarded by {@code valid_at} and {@code computed_at}. Create the tables first with
 * {@link FeatureWarehouseSetup#createMissingTables}.
 */
public final class FeatureWarehouseSink implements FeatureSink {

    public static final String ROUTER_UID = "features-warehouse-router";

    private final WarehouseSettings settings;
    private final List<FeatureView> views;

    /** @throws IllegalArgumentException if a view's tables cannot be laid out (see {@link FeatureTable#of}) */
    public FeatureWarehouseSink(WarehouseSettings settings, List<FeatureView> views) {
        this.settings = settings;
        this.views = List.copyOf(views);
        tables();
    }

    /** The tables the sink writes, two per view, latest first. */
    public List<FeatureTable> tables() {
        return views.stream().flatMap(view -> FeatureTable.of(view, settings.schema()).stream()).toList();
    }

    /** The uid of a table's JDBC sink: {@code features-warehouse-<view>-latest} or {@code -history}. */
    public static String uid(FeatureTable table) {
        return "features-warehouse-" + table.view() + "-" + table.kind().suffix();
    }

    @Override
    public void attachTo(DataStream<FeatureRecord> records) {
        Map<String, OutputTag<FeatureRecord>> tagByView = new HashMap<>();
        for (FeatureView view : views) {
            tagByView.put(view.name(), new OutputTag<>("features-" + view.name(), FeatureRecordTypeInfo.INSTANCE));
        }
        SingleOutputStreamOperator<FeatureRecord> routed = records.process(new RouteByView(tagByView), FeatureRecordTypeInfo.INSTANCE)
                .uid(ROUTER_UID).name("Route to feature tables");
        for (FeatureTable table : tables()) {
            routed.getSideOutput(tagByView.get(table.view()))
                    .sinkTo(WarehouseJdbcSinks.atLeastOnce(settings, new FeatureRecordUpsert(table)))
                    .uid(uid(table))
                    .name("Warehouse " + table.schema() + "." + table.name());
        }
    }

    /** Sends each record to its view's side output. */
    static final class RouteByView extends ProcessFunction<FeatureRecord, FeatureRecord> {
        private static final long serialVersionUID = 1L;
        private final HashMap<String, OutputTag<FeatureRecord>> tagByView;

        RouteByView(Map<String, OutputTag<FeatureRecord>> tagByView) {
            this.tagByView = new HashMap<>(tagByView);
        }

        @Override
        public void processElement(FeatureRecord record, Context context, Collector<FeatureRecord> out) {
            OutputTag<FeatureRecord> tag = tagByView.get(record.view());
            if (tag == null) {
                throw new IllegalStateException("No warehouse tables for a record of feature view " + record.view());
            }
            context.output(tag, record);
        }
    }
}
