package dev.cdcpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

import java.util.Map;

class PipelineJobConfigurationTest {

    private static PipelineDefinition definition(String flinkSection) {
        return PipelineDefinitionParser.parse("""
                pipeline:
                  name: shop
                  parallelism: 3
                source:
                  type: mysql
                  hostname: db
                  username: cdc
                  password: pw
                  tables: shop.orders
                kafka:
                  bootstrap-servers: broker:9092
                """ + flinkSection, Map.of());
    }

    @Test
    void withoutClusterSettingsThePipelineDefaultsApply() {
        Map<String, String> job = PipelineJob.flinkConfiguration(definition(""), new Configuration()).toMap();

        assertThat(job).containsEntry("restart-strategy.type", "exponential-delay")
                .containsEntry("restart-strategy.exponential-delay.attempts-before-reset-backoff", "10")
                .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")
                .containsEntry("parallelism.default", "3")
                .containsEntry("pipeline.name", "shop");
    }

    @Test
    void aClusterRestartStrategyIsKeptWhole() {
        Configuration cluster = new Configuration();
        cluster.setString("restart-strategy.type", "failure-rate");

        Map<String, String> job = PipelineJob.flinkConfiguration(definition(""), cluster).toMap();

        assertThat(job.keySet()).noneMatch(key -> key.startsWith("restart-strategy"));
        assertThat(job).containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE");
    }

    @Test
    void theDefinitionsFlinkSectionWinsOverEverything() {
        Configuration cluster = new Configuration();
        cluster.setString("restart-strategy.type", "failure-rate");

        Map<String, String> job = PipelineJob.flinkConfiguration(
                definition("flink:\n  restart-strategy.type: none\n  execution.checkpointing.interval: 3s\n"), cluster).toMap();

        assertThat(job).containsEntry("restart-strategy.type", "none").containsEntry("execution.checkpointing.interval", "3s");
    }
}
