package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.changeRecordsInTopics;
import static dev.cdcpipeline.local.it.PipelineTestSupport.definition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.LoadGenerator;
import dev.cdcpipeline.local.verify.ReconciliationReport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline is stopped and restored from its last retained checkpoint while the source keeps
 * changing: afterwards the warehouse equals the source, and every row change the source made is
 * in the topics exactly once.
 */
class CheckpointRestoreITCase extends PlaygroundTestBase {

    private static final String PIPELINE = "restore";

    @BeforeAll
    static void createSourceTables() throws Exception {
        try (Connection connection = playground.sourceAdminConnection()) {
            DemoShop.createAndSeed(connection, 11, 60, 10, 300);
        }
    }

    @Test
    void restoresFromARetainedCheckpointWithoutLosingOrDuplicatingChanges() throws Exception {
        Path checkpoints = workDirectory.resolve("checkpoints");
        RunningPipeline first = PipelineTestSupport.start(definition(playground, PIPELINE, 2, checkpoints, ""));
        // Start changing only after the snapshot, so that every generated change is a binlog event.
        assertThat(awaitConsistent(first.plan()).examples()).isEmpty();

        try (LoadGenerator generator = LoadGenerator.start(playground::sourceAdminConnectionUnchecked, 3, 150)) {
            Path lastCheckpoint = CheckpointFiles.cancelAfterTwoCheckpointsWhileChanging(first, checkpoints, generator);
            CheckpointFiles.awaitMoreChanges(generator, 100, "while the pipeline is stopped");
            RunningPipeline second = PipelineTestSupport.start(definition(playground, PIPELINE, 2, checkpoints,
                    "execution.state-recovery.path: " + lastCheckpoint.toUri()));
            try {
                CheckpointFiles.awaitMoreChanges(generator, 200, "after the restore");
                generator.stop();
                long rowsChanged = generator.rowsChanged();

                ReconciliationReport report = awaitConsistent(second.plan());
                assertThat(report.examples()).isEmpty();
                assertThat(report.consistent()).isTrue();
                assertThat(changeRecordsInTopics(playground, PIPELINE)).isEqualTo(rowsChanged);
            } finally {
                second.job().cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
