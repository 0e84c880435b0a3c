package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * <p>The TaskManager loss and the JobManager failover strike during the snapshot too, while the
 * generator changes and deletes rows of the chunks being read: the restored job reads the chunks
 * the failed attempt read after its last checkpoint again, and rows changed in between must not
 * stay stale in the warehouse (see {@code SnapshotReadHoldBack}); a reader restored in the middle
 * of a chunk must finish the snapshot (see {@code OneSnapshotSplitAtATimeSource}).
 */
class FailureInjectionITCase extends PlaygroundTestBase {

    private static final int PARALLELISM = 2;
    /** Enough orders for a snapshot of 80 chunks (see {@link #SMALL_CHUNKS}) that a failure can strike in the middle of. */
    private static final int ORDERS = 20_000;
    private static final String[] SMALL_CHUNKS = {"  server-time-zone: UTC\n", "  server-time-zone: UTC\n  snapshot-chunk-size: 250\n"};
    private static final long ORDERS_IN_WAREHOUSE_AT_FAILURE = 1_000;
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

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"TASK_MANAGER_LOSS", "JOB_MANAGER_FAILOVER"})
    void duringTheSnapshot(Fault fault) throws Exception {
        try (LoadGenerator generator = LoadGenerator.start(playground::sourceAdminConnectionUnchecked, 11, CHANGES_PER_SECOND)) {
            RunningPipeline pipeline = start(fault, SMALL_CHUNKS);
            try {
                String orders = warehouseTable(pipeline.plan(), "orders");
                awaitCondition("part of the snapshot in the warehouse",
                        () -> warehouseRows(orders) >= ORDERS_IN_WAREHOUSE_AT_FAILURE);
                long rowsAtFailure = warehouseRows(orders);
                faults.inject(fault, pipeline.job().getJobID(), OUTAGE);
                CheckpointFiles.awaitMoreChanges(generator, 200, "after the " + fault.description());
                generator.stop();

                assertThat(rowsAtFailure).as("orders in the warehouse when the failure struck").isLessThan(ORDERS);
                assertReconciled(pipeline.plan());
            } finally {
                pipeline.job().cancel().get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static String warehouseTable(PipelinePlan plan, String sourceTable) {
        return plan.warehouseTables().stream().filter(table -> table.source().table().equals(sourceTable)).findFirst()
                .orElseThrow().qualifiedName();
    }

    private static long warehouseRows(String table) {
        try (Connection connection = playground.warehouseConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
    private static RunningPipeline start(Fault fault, String... replacements) throws Exception {
        String name = "faults-" + (++pipelines) + "-" + fault.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String yaml = PipelineTestSupport.yaml(playground, DemoSources.MYSQL, name, PARALLELISM,
                workDirectory.resolve("checkpoints-" + name),
                // Restart at once and keep trying: the test's outages are short, and several follow each other.
                """
                restart-strategy.exponential-delay.initial-backoff: 200 ms
                restart-strategy.exponential-delay.max-backoff: 2 s
                restart-strategy.exponential-delay.attempts-before-reset-backoff: 100
                """, replacements);
        return PipelineLauncher.start(PipelineDefinitionParser.parse(playground.throughWarehouseLink(yaml, warehouseLink),
                playground.secrets()), cluster::environment);
    }
}
