package dev.cdcpipeline.local.cluster;

import static dev.cdcpipeline.local.it.PipelineTestSupport.CHECKPOINT_INTERVAL;
import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.changeRecordsInTopics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.PipelinePlan;
import dev.cdcpipeline.job.PipelinePreparation;
import dev.cdcpipeline.local.cluster.FlinkRestClient.SavepointOperation;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.demo.LoadGenerator;
import dev.cdcpipeline.local.demo.Playground;
import dev.cdcpipeline.local.demo.ShopSchema;
import dev.cdcpipeline.local.it.PlaygroundTestBase;
import dev.cdcpipeline.local.verify.ReconciliationReport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * pipeline-jobs.jar on a real standalone Flink cluster (a JobManager and a TaskManager, each its own JVM, from
 * the production configuration): submitted through the REST API as an operator would, it mirrors the shop while
 * the shop changes, it exposes the metrics the Grafana dashboard reads, and it is upgraded through a savepoint
 * without losing or repeating a change. The pipelines all run main() in the one JobManager, one after the other,
 * as on a shared session cluster: each submission has its own class loader there.
 */
class StandaloneClusterITCase extends PlaygroundTestBase {

    private static final int PARALLELISM = 2;
    private static final double CHANGES_PER_SECOND = 150;

    private static StandaloneFlinkCluster cluster;
    private static String jarId;

    @BeforeAll
    static void startClusterAndUploadTheJar() throws Exception {
        Path jar = BuildOutputs.pipelineJobsJar();
        try (Connection connection = playground.sourceAdminConnection()) {
            DemoShop.createAndSeed(connection, 17, 60, 10, 300);
        }
        cluster = StandaloneFlinkCluster.start(workDirectory.resolve("flink"), BuildOutputs.clusterLogDirectory(), playground.secrets());
        jarId = cluster.rest().uploadJar(jar);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theJarStartsJobMainByItsManifest() throws IOException {
        // The REST runs below name no entry class: Flink takes it from here, as `flink run` does.
        try (JarFile jar = new JarFile(BuildOutputs.pipelineJobsJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.cdcpipeline.jobs.JobMain");
        }
    }

    @Test
    void aSubmittedPipelineMirrorsTheShopWhileItChanges() throws Exception {
        SubmittedPipeline pipeline = submit("cluster", "cluster.yaml", "");
        try {
            try (LoadGenerator generator = startChanging()) {
                awaitCondition("the source to change while the job runs", () -> generator.committedChanges() > 300);
                generator.stop();
            }
            assertConsistent(pipeline);
            assertNoCredentialIn("the job as the web UI shows it", cluster.rest().jobAsShownInTheWebUi(pipeline.jobId()));
            // The JobManager's and TaskManager's own logs and output (the SQL client test's files share the
            // directory: that client echoes the statements it runs, passwords included, as sql/README.md warns).
            try (Stream<Path> logs = Files.list(BuildOutputs.clusterLogDirectory())) {
                List<Path> clusterLogs = logs.filter(path -> path.getFileName().toString().matches("(jobmanager|taskmanager)\\..*")).toList();
                assertThat(clusterLogs).extracting(path -> path.getFileName().toString()).contains("jobmanager.log", "taskmanager.log");
                for (Path log : clusterLogs) {
                    assertNoCredentialIn("the cluster log " + log.getFileName(), Files.readString(log, StandardCharsets.ISO_8859_1));
                }
            }
        } finally {
            cancel(pipeline);
        }
    }

    /** The pipeline's passwords reach the JobManager only as environment variables, and go no further. */
    private static void assertNoCredentialIn(String where, String text) {
        assertThat(playground.secrets().values()).as("credentials in %s", where).allSatisfy(secret -> {
            assertThat(secret).hasSizeGreaterThanOrEqualTo(8);
            assertThat(text).doesNotContain(secret);
        });
    }

    @Test
    void exposesEveryMetricTheDashboardQueries() throws Exception {
        // With the demo's feature view, so that the feature metrics are there too.
        SubmittedPipeline pipeline = submit("metrics", "metrics.yaml", "", Playground.demoFeatureViews(DemoSources.MYSQL));
        try {
            assertConsistent(pipeline);
            awaitCondition("a completed checkpoint", () -> completedCheckpoints(pipeline) > 0);

            List<String> samples = new ArrayList<>(
                    PrometheusEndpoint.scrape(cluster.jobManagerMetrics(), BuildOutputs.clusterLogDirectory().resolve("jobmanager.metrics")));
            samples.addAll(PrometheusEndpoint.scrape(cluster.taskManagerMetrics(), BuildOutputs.clusterLogDirectory().resolve("taskmanager.metrics")));
            Set<String> exposed = samples.stream().map(PrometheusEndpoint::metricName).collect(Collectors.toCollection(TreeSet::new));
            Set<String> queried = GrafanaDashboard.read(BuildOutputs.deployDirectory()).metricNames();

            assertThat(queried).isNotEmpty();
            assertThat(exposed).as("metrics the cluster exposes: %s", exposed).containsAll(queried);
            // The sink panels select the sinks' writers by operator name: one per warehouse table, one for the
            // change topics, one for the dead-letter topic, and for the feature view one for its topic and two tables.
            assertThat(samples).filteredOn(sample -> sample.startsWith("flink_taskmanager_job_task_operator_numRecordsIn{")
                            && sample.contains("job_name=\"metrics\"") && sample.matches(".*operator_name=\"[^\"]*Writer\".*"))
                    .hasSize(PARALLELISM * (ShopSchema.TABLES.size() + 2 + 3));
        } finally {
            cancel(pipeline);
        }
    }

    @Test
    void upgradesFromASavepointWithoutLosingOrRepeatingAChange() throws Exception {
        String name = "upgrade";
        SubmittedPipeline before = submit(name, "upgrade-v1.yaml", "");
        assertConsistent(before);
        // Changes start after the snapshot, so that every one of them is a binlog event: one record each in the topics.
        try (LoadGenerator generator = startChanging()) {
            awaitCondition("the source to change before the upgrade", () -> generator.committedChanges() > 150);
            String savepoint = stopWithSavepoint(before);

            long changesWhileStopped = generator.committedChanges() + 100;
            awaitCondition("the source to change while no job runs", () -> generator.committedChanges() > changesWhileStopped);
            SubmittedPipeline after = submit(name, "upgrade-v2.yaml", "execution.state-recovery.path: " + savepoint);
            try {
                awaitCondition("the upgraded job to restore its state", () -> !restoredFrom(after).isEmpty());
                assertThat(restoredFrom(after)).isEqualTo(savepoint);
                long changesAfterUpgrade = generator.committedChanges() + 150;
                awaitCondition("the source to change after the upgrade", () -> generator.committedChanges() > changesAfterUpgrade);
                generator.stop();

                assertConsistent(after);
                assertThat(changeRecordsInTopics(playground, name)).isEqualTo(generator.rowsChanged());
            } finally {
                cancel(after);
            }
        }
    }

    private record SubmittedPipeline(String name, String jobId, PipelinePlan plan) {}

    /**
     * Writes the playground's pipeline definition to a file and runs the jar with {@code run <file>}, as an
     * operator would with {@code flink run}. The test prepares the same plan (idempotently: tables and topics
     * exist once) to reconcile against.
     */
    private static SubmittedPipeline submit(String name, String fileName, String extraFlinkOptions) throws Exception {
        return submit(name, fileName, extraFlinkOptions, "");
    }

    /** @param extraSections top-level sections appended to the pipeline definition */
    private static SubmittedPipeline submit(String name, String fileName, String extraFlinkOptions, String extraSections)
            throws Exception {
        String yaml = playground.pipelineYaml(name, PARALLELISM, CHECKPOINT_INTERVAL, workDirectory.resolve("checkpoints"), extraFlinkOptions)
                + extraSections;
        Path file = Files.writeString(workDirectory.resolve(fileName), yaml);
        String jobId = cluster.rest().runJar(jarId, List.of("run", file.toString()));
        PipelinePlan plan = PipelinePreparation.prepare(PipelineDefinitionParser.parse(yaml, playground.secrets()));
        return new SubmittedPipeline(name, jobId, plan);
    }

    private static LoadGenerator startChanging() {
        return LoadGenerator.start(playground::sourceAdminConnectionUnchecked, 5, CHANGES_PER_SECOND);
    }

    private static void assertConsistent(SubmittedPipeline pipeline) throws Exception {
        ReconciliationReport report = awaitConsistent(pipeline.plan());
        assertThat(report.examples()).as(() -> report.summaryLine() + "\n" + describe(pipeline)).isEmpty();
        assertThat(report.consistent()).isTrue();
    }

    /** Stops the job with a savepoint through REST, as `flink stop --savepointPath` does; returns its location. */
    private static String stopWithSavepoint(SubmittedPipeline pipeline) throws Exception {
        String triggerId = cluster.rest().stopWithSavepoint(pipeline.jobId(), workDirectory.resolve("savepoints"));
        AtomicReference<SavepointOperation> operation = new AtomicReference<>();
        awaitCondition("the savepoint of " + pipeline.name(), () -> {
            operation.set(cluster.rest().savepointOperation(pipeline.jobId(), triggerId));
            return operation.get().completed();
        });
        assertThat(operation.get().failure()).as("the stop-with-savepoint's failure").isEmpty();
        awaitCondition("the job to finish after its savepoint", () -> state(pipeline).equals("FINISHED"));
        return operation.get().location().orElseThrow();
    }

    private static void cancel(SubmittedPipeline pipeline) throws Exception {
        if (!state(pipeline).equals("FINISHED")) {
            cluster.rest().cancel(pipeline.jobId());
            awaitCondition("job " + pipeline.name() + " to end", () -> Set.of("CANCELED", "FAILED", "FINISHED").contains(state(pipeline)));
        }
    }

    private static String state(SubmittedPipeline pipeline) {
        return cluster.rest().jobState(pipeline.jobId());
    }

    /** The checkpoint or savepoint the job started from; empty while it has not restored (or starts fresh). */
    private static String restoredFrom(SubmittedPipeline pipeline) {
        return cluster.rest().checkpoints(pipeline.jobId()).path("latest").path("restored").path("external_path").asText();
    }

    private static long completedCheckpoints(SubmittedPipeline pipeline) {
        return cluster.rest().checkpoints(pipeline.jobId()).path("counts").path("completed").asLong();
    }

    /** The job's state and last exception, and the processes' logs: what a failed assertion needs to be understood. */
    private static String describe(SubmittedPipeline pipeline) {
        try {
            return "job " + pipeline.jobId() + " is " + state(pipeline) + "; root exception: "
                    + cluster.rest().rootException(pipeline.jobId()).orElse("none") + "\n" + cluster.logTails();
        } catch (Exception e) {
            return "(cannot describe job " + pipeline.jobId() + ": " + e.getMessage() + ")\n" + cluster.logTails();
        }
    }
}
