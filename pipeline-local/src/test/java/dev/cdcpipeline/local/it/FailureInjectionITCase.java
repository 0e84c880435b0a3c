package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.changeRecordsInTopics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.PipelineLauncher;
import dev.cdcpipeline.job.PipelinePlan;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.chaos.ChaosCluster;
import dev.cdcpipeline.local.chaos.Fault;
import dev.cdcpipeline.local.chaos.FaultInjector;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.demo.LoadGenerator;
import dev.cdcpipeline.local.infra.TcpProxy;
import dev.cdcpipeline.local.verify.ReconciliationReport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Each failure the pipeline must survive, injected while streaming and while the generator keeps
 * changing the shop: the TaskManager lost, the JobManager failing over, the source database
 * restarted, the Kafka broker restarted and the warehouse unreachable for a while. Afterwards the
 * warehouse equals the source row by row, and the topics hold every change exactly once: no
 * change twice, no gap in any key's history (each update and delete starts from the row the key's
 * previous record left), the latest row of every key equal to the source's.
 *
 * <p>Not here: a failure during the snapshot. It leaves the warehouse with rows of the snapshot
 * chunk the failed attempt read and the restored job reads again (issue 7's note has the cause).
 */
class FailureInjectionITCase extends PlaygroundTestBase {

    private static final int PARALLELISM = 2;
    private static final int ORDERS = 2_000;
    private static final double CHANGES_PER_SECOND = 150;
    private static final Duration OUTAGE = Duration.ofSeconds(3);

    private static ChaosCluster cluster;
    private static TcpProxy warehouseLink;
    private static FaultInjector faults;
    private static int pipelines;

    @BeforeAll
    static void startClusterAndShop() throws Exception {
        try (Connection connection = playground.sourceAdminConnection()) {
            DemoShop.createAndSeed(connection, 17, 300, 20, ORDERS);
        }
        cluster = ChaosCluster.start(PARALLELISM);
        warehouseLink = playground.startWarehouseLink();
        faults = new FaultInjector(cluster, playground, warehouseLink);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (warehouseLink != null) {
            warehouseLink.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void whileStreaming(Fault fault) throws Exception {
        RunningPipeline pipeline = start(fault);
        try {
            // Changes start after the snapshot, so each is a log event: one record per row changed.
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            try (LoadGenerator generator = LoadGenerator.start(playground::sourceAdminConnectionUnchecked, 7, CHANGES_PER_SECOND)) {
                CheckpointFiles.awaitMoreChanges(generator, 200, "before the " + fault.description());
                faults.inject(fault, pipeline.job().getJobID(), OUTAGE);
                CheckpointFiles.awaitMoreChanges(generator, 200, "after the " + fault.description());
                generator.stop();

                assertReconciled(pipeline.plan());
                if (generator.connectionLosses() == 0) {
                    // A statement cut off by a restart may or may not have committed: then the count is not exact.
                    assertThat(changeRecordsInTopics(playground, pipeline.plan().definition().pipeline().name()))
                            .isEqualTo(generator.rowsChanged());
                }
            }
        } finally {
            pipeline.job().cancel().get(60, TimeUnit.SECONDS);
        }
    }

    private static void assertReconciled(PipelinePlan plan) throws Exception {
        ReconciliationReport report = awaitConsistent(plan);
        assertThat(report.examples()).as(report.summaryLine()).isEmpty();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.mismatched()).isZero();
    }

    /** A pipeline of its own (schema, topics, checkpoints) that reaches the warehouse through the link the test cuts. */
    private static RunningPipeline start(Fault fault) throws Exception {
        String name = "faults-" + (++pipelines) + "-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String yaml = PipelineTestSupport.yaml(playground, DemoSources.MYSQL, name, PARALLELISM,
                workDirectory.resolve("checkpoints-" + name),
                // Restart at once and keep trying: the test's outages are short, and several follow each other.
                """
                restart-strategy.exponential-delay.initial-backoff: 200 ms
                restart-strategy.exponential-delay.max-backoff: 2 s
                restart-strategy.exponential-delay.attempts-before-reset-backoff: 100
                """);
        return PipelineLauncher.start(PipelineDefinitionParser.parse(playground.throughWarehouseLink(yaml, warehouseLink),
                playground.secrets()), cluster::environment);
    }
}
