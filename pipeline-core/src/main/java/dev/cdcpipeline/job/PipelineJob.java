package dev.cdcpipeline.job;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.sink.kafka.KafkaChangeSink;
import dev.cdcpipeline.sink.warehouse.WarehouseChangeSink;
import dev.cdcpipeline.source.mysql.MySqlSourceFactory;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plugs the real source and sinks of a prepared pipeline into {@link PipelineGraph}. */
public final class PipelineJob {

    public static final String SOURCE_UID = "source-mysql";
    static final String CONNECTOR = "mysql";

    /**
     * What the job needs from Flink unless the definition's {@code flink:} section says otherwise:
     * exactly-once checkpoints kept after cancellation (so a stopped pipeline can resume from its
     * last one) and a bounded restart strategy, so a persistent failure stops the job instead of
     * looping.
     */
    private static final Map<String, String> FLINK_DEFAULTS =
            Map.of(
                    "execution.checkpointing.mode", "EXACTLY_ONCE",
                    "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION",
                    "restart-strategy.type", "fixed-delay",
                    "restart-strategy.fixed-delay.attempts", "5",
                    "restart-strategy.fixed-delay.delay", "10 s");

    private PipelineJob() {}

    public static Configuration flinkConfiguration(PipelineDefinition definition) {
        Configuration configuration = new Configuration();
        FLINK_DEFAULTS.forEach(configuration::setString);
        configuration.setString("pipeline.name", definition.pipeline().name());
        configuration.setString("parallelism.default", String.valueOf(definition.pipeline().parallelism()));
        configuration.setString(
                "execution.checkpointing.interval", definition.flink().checkpointInterval().toMillis() + " ms");
        definition.flink().options().forEach(configuration::setString);
        return configuration;
    }

    /** Adds the pipeline to the environment; {@code execute} it to run. */
    public static DataStream<ChangeEvent> addTo(StreamExecutionEnvironment environment, PipelinePlan plan) {
        PipelineDefinition definition = plan.definition();
        DataStream<ChangeEvent> changes =
                environment
                        .fromSource(
                                MySqlSourceFactory.create(definition.source(), plan.sourceTables()),
                                WatermarkStrategy.noWatermarks(),
                                "MySQL binlog " + definition.source().hostname() + ":" + definition.source().port())
                        .uid(SOURCE_UID);
        return PipelineGraph.build(changes, definition.dedup().stateTtl(), sinks(plan));
    }

    private static List<ChangeSink> sinks(PipelinePlan plan) {
        PipelineDefinition definition = plan.definition();
        List<ChangeSink> sinks = new ArrayList<>();
        definition.warehouse().ifPresent(warehouse -> sinks.add(new WarehouseChangeSink(warehouse, plan.warehouseTables())));
        definition.kafka().ifPresent(kafka ->
                sinks.add(new KafkaChangeSink(kafka, definition.pipeline().name(), plan.topicByTable(), CONNECTOR)));
        return sinks;
    }
}
