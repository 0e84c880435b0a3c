package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.config.Delivery;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.config.StartupMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchPipelineTest {

    private static final Map<String, String> SERVERS = Map.ofEntries(
            Map.entry("MYSQL_HOST", "127.0.0.1"), Map.entry("MYSQL_PORT", "3307"), Map.entry("MYSQL_USER", "cdc"),
            Map.entry("MYSQL_PASSWORD", "source-secret"),
            Map.entry("WAREHOUSE_HOST", "127.0.0.1"), Map.entry("WAREHOUSE_PORT", "5433"),
            Map.entry("WAREHOUSE_DATABASE", "warehouse"), Map.entry("WAREHOUSE_USER", "postgres"),
            Map.entry("WAREHOUSE_PASSWORD", "warehouse-secret"),
            Map.entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9093"));

    @Test
    void theDefinitionIsValidAndCarriesTheRunsSettings() {
        BenchPipeline pipeline = new BenchPipeline("bench-stream-at-least-once", StartupMode.LATEST, Delivery.AT_LEAST_ONCE,
                Duration.ofSeconds(5), 2, 5610, Map.of("execution.checkpointing.interval-during-backlog", "30 s"));

        String yaml = pipeline.yaml(SERVERS, Path.of("/tmp/checkpoints"));
        PipelineDefinition definition = PipelineDefinitionParser.parse(yaml, SERVERS);

        assertThat(yaml).doesNotContain("source-secret", "warehouse-secret");
        assertThat(definition.pipeline().parallelism()).isEqualTo(2);
        assertThat(definition.kafka().orElseThrow().delivery()).isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(definition.flink().checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(definition.flink().options())
                .containsEntry("execution.checkpointing.interval-during-backlog", "30 s")
                .containsEntry("execution.checkpointing.dir", "file:///tmp/checkpoints/bench-stream-at-least-once");
        assertThat(pipeline.warehouseSchema()).isEqualTo("bench_stream_at_least_once");
    }

    @Test
    void aFlinkOptionGivenOnTheCommandLineWinsOverTheBenchsOwn() {
        BenchPipeline pipeline = new BenchPipeline("bench-snapshot", StartupMode.INITIAL, Delivery.EXACTLY_ONCE,
                Duration.ofSeconds(1), 1, 5600, Map.of("execution.checkpointing.interval", "10 s"));
        PipelineDefinition definition = PipelineDefinitionParser.parse(pipeline.yaml(SERVERS, Path.of("/tmp/c")), SERVERS);
        assertThat(definition.flink().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    }
}
