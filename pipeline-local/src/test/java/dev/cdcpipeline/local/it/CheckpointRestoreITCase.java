package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
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
import java.util.stream.Stream;

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
            Path jobCheckpoints = checkpoints.resolve(first.job().getJobID().toString());
            long checkpointBeforeChanges = CheckpointFiles.latestCheckpointId(jobCheckpoints);
            awaitCondition("two checkpoints completed while the source changes",
                    () -> generator.committedChanges() > 100 && CheckpointFiles.latestCheckpointId(jobCheckpoints) >= checkpointBeforeChanges + 2);
            first.job().cancel().get(30, TimeUnit.SECONDS);
            Path lastCheckpoint = CheckpointFiles.latestCheckpoint(jobCheckpoints).orElseThrow();

            long changesWhileStopped = generator.committedChanges() + 100;
            awaitCondition("the source to change while the pipeline is stopped", () -> generator.committedChanges() > changesWhileStopped);
            RunningPipeline second = PipelineTestSupport.start(definition(playground, PIPELINE, 2, checkpoints,
                    "execution.state-recovery.path: " + lastCheckpoint.toUri()));
            try {
                long changesAfterRestore = generator.committedChanges() + 200;
                awaitCondition("the source to change after the restore", () -> generator.committedChanges() > changesAfterRestore);
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
