package dev.cdcpipeline.job;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.config.SourceType;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.deadletter.DeadLetterKafkaSink;
import dev.cdcpipeline.deadletter.DeadLetterSink;
import dev.cdcpipeline.deadletter.DeadLetterWarehouseSink;
import dev.cdcpipeline.sink.features.FeatureKafkaSink;
import dev.cdcpipeline.sink.features.FeatureSink;
import dev.cdcpipeline.sink.features.FeatureWarehouseSink;
import dev.cdcpipeline.sink.kafka.KafkaChangeSink;
import dev.cdcpipeline.sink.warehouse.WarehouseChangeSink;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.SourceConnectors;
import dev.cdcpipeline.source.SourceStreams;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plugs the real sources and sinks of a prepared pipeline into {@link PipelineGraph}. */
public final class PipelineJob {

    /**
     * What the job needs from Flink unless the cluster's configuration or the definition's
     * {@code flink:} section says otherwise: exactly-once checkpoints kept after cancellation (so a
     * stopped pipeline can resume from its last one) and a restart strategy that rides out a
     * database, broker or warehouse that is away for a few minutes (restarts 1 s, 2 s, 4 s ... up
     * to 1 min apart) but stops the job after 10 restarts without 10 minutes of calm in between, so
     * a persistent failure (a revoked grant, a purged binlog) ends the job instead of looping.
     */
    private static final Map<String, String> FLINK_DEFAULTS =
            Map.of(
                    "execution.checkpointing.mode", "EXACTLY_ONCE",
                    "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION",
                    "restart-strategy.type", "exponential-delay",
                    "restart-strategy.exponential-delay.initial-backoff", "1 s",
                    "restart-strategy.exponential-delay.max-backoff", "1 min",
                    "restart-strategy.exponential-delay.backoff-multiplier", "2.0",
                    "restart-strategy.exponential-delay.reset-backoff-threshold", "10 min",
                    "restart-strategy.exponential-delay.attempts-before-reset-backoff", "10");

    private PipelineJob() {}

    /**
     * The job's Flink configuration.
     *
     * @param clusterConfiguration what the Flink the job is submitted to is configured with: a
     *     default is left out where the cluster sets the option (for the restart strategy, any of
     *     its options), so operators' cluster-wide settings hold
     */
    public static Configuration flinkConfiguration(PipelineDefinition definition, ReadableConfig clusterConfiguration) {
        Map<String, String> cluster = clusterConfiguration.toMap();
        boolean clusterRestartStrategy = cluster.keySet().stream().anyMatch(key -> key.startsWith("restart-strategy"));
        Configuration configuration = new Configuration();
        FLINK_DEFAULTS.forEach((key, value) -> {
            boolean restartOption = key.startsWith("restart-strategy");
            if (!cluster.containsKey(key) && !(restartOption && clusterRestartStrategy)) {
                configuration.setString(key, value);
            }
        });
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
        DataStream<ChangeEvent> changes = null;
        DataStream<DeadLetter> unreadable = null;
        for (SourceSettings source : definition.sources()) {
            List<SourceTable> tables =
                    plan.sourceTables().stream().filter(table -> table.id().source().equals(source.name())).toList();
            SourceStreams streams = SourceConnectors.addTo(environment, source, tables);
            changes = changes == null ? streams.changes() : changes.union(streams.changes());
            unreadable = unreadable == null ? streams.deadLetters() : unreadable.union(streams.deadLetters());
        }
        List<TableId> tables = plan.sourceTables().stream().map(SourceTable::id).toList();
        return PipelineGraph.build(changes, unreadable, tables, definition.dedup().stateTtl(), plan.transforms(),
                plan.featureViews(), outputs(plan));
    }

    /** The {@code source.connector} of change records: {@code mysql} or {@code postgresql}, as Debezium names them. */
    private static Map<String, String> connectorBySource(PipelineDefinition definition) {
        return definition.sources().stream().collect(Collectors.toMap(SourceSettings::name,
                source -> source.type() == SourceType.POSTGRES ? "postgresql" : "mysql"));
    }

    private static PipelineOutputs outputs(PipelinePlan plan) {
        PipelineDefinition definition = plan.definition();
        String pipeline = definition.pipeline().name();
        List<ChangeSink> changeSinks = new ArrayList<>();
        List<FeatureSink> featureSinks = new ArrayList<>();
        definition.warehouse().ifPresent(warehouse -> {
            changeSinks.add(new WarehouseChangeSink(warehouse, plan.warehouseTables(), definition.pipeline().schemaChanges(),
                    definition.sources()));
            featureSinks.add(new FeatureWarehouseSink(warehouse, plan.featureViews()));
        });
        definition.kafka().ifPresent(kafka -> {
            changeSinks.add(new KafkaChangeSink(kafka, pipeline, plan.topicByTable(), connectorBySource(definition)));
            featureSinks.add(new FeatureKafkaSink(kafka, pipeline, plan.featureViews()));
        });
        DeadLetterSink deadLetters = definition.kafka()
                .<DeadLetterSink>map(kafka -> new DeadLetterKafkaSink(kafka, pipeline, plan.deadLetterTopic()))
                .orElseGet(() -> new DeadLetterWarehouseSink(definition.warehouse().orElseThrow()));
        return new PipelineOutputs(changeSinks, featureSinks, deadLetters);
    }
}
