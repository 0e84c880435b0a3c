package dev.cdcpipeline.local.it;

import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.PipelineLauncher;
import dev.cdcpipeline.job.PipelinePlan;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.LocalEnvironments;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.demo.Playground;
import dev.cdcpipeline.local.demo.ShopSchema;
import dev.cdcpipeline.local.verify.CommittedTopicReader;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;
import dev.cdcpipeline.local.verify.ReconciliationReport;
import dev.cdcpipeline.local.verify.Reconciler;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starting pipelines against a playground and waiting, with deadlines, for what they should do. */
public final class PipelineTestSupport {

    public static final Duration CHECKPOINT_INTERVAL = Duration.ofMillis(500);
    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private PipelineTestSupport() {}

    /**
     * The playground's pipeline definition, with {@code replacements} (pairs of a line as the
     * playground writes it and the line to write instead) for what a test varies.
     */
    static PipelineDefinition definition(
            Playground playground, String name, int parallelism, Path checkpoints, String extraFlinkOptions, String... replacements) {
        return definition(playground, DemoSources.MYSQL, name, parallelism, checkpoints, extraFlinkOptions, replacements);
    }

    static PipelineDefinition definition(Playground playground, DemoSources sources, String name, int parallelism,
            Path checkpoints, String extraFlinkOptions, String... replacements) {
        return PipelineDefinitionParser.parse(yaml(playground, sources, name, parallelism, checkpoints, extraFlinkOptions, replacements),
                playground.secrets());
    }

    static String yaml(Playground playground, DemoSources sources, String name, int parallelism,
            Path checkpoints, String extraFlinkOptions, String... replacements) {
        String yaml = playground.pipelineYaml(sources, name, parallelism, CHECKPOINT_INTERVAL, checkpoints, extraFlinkOptions);
        for (int i = 0; i < replacements.length; i += 2) {
            if (!yaml.contains(replacements[i])) {
                throw new IllegalArgumentException("The playground's pipeline file has no '" + replacements[i] + "'");
            }
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        return yaml;
    }

    static RunningPipeline start(PipelineDefinition definition) throws Exception {
        return PipelineLauncher.start(definition, LocalEnvironments::create);
    }

    /** Reconciles until source, warehouse and topics agree; the last report if they never do. */
    public static ReconciliationReport awaitConsistent(PipelinePlan plan) throws Exception {
        return awaitConsistent(new Reconciler(plan), () -> {});
    }

    /**
     * As {@link #awaitConsistent(PipelinePlan)}, with the reconciler of other writers' outputs;
     * {@code requireRunning} throws to stop waiting for a writer that has stopped.
     */
    public static ReconciliationReport awaitConsistent(Reconciler reconciler, Runnable requireRunning) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ReconciliationReport report = reconciler.reconcile();
        while (!report.consistent() && System.nanoTime() < deadline) {
            requireRunning.run();
            TimeUnit.MILLISECONDS.sleep(500);
            report = reconciler.reconcile();
        }
        return report;
    }

    public static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + PATIENCE + " waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    public static void executeOnSource(Playground playground, String... statements) throws SQLException {
        try (Connection connection = playground.sourceAdminConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    public static List<JsonRecord> committedRecords(Playground playground, String topic) {
        return CommittedTopicReader.readAll(playground.kafkaBootstrapServers(), Map.of(), topic);
    }

    /**
     * Records of inserts, updates and deletes (not snapshot reads) in the topics of the shop's
     * three tables: when the changes started after the snapshot, one per row the source changed.
     */
    public static long changeRecordsInTopics(Playground playground, String pipeline) {
        return ShopSchema.TABLES.stream()
                .flatMap(table -> committedRecords(playground, pipeline + "." + ShopSchema.DATABASE + "." + table).stream())
                .filter(record -> !record.value().get("op").asText().equals("r"))
                .count();
    }
}
