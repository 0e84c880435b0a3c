package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.changeRecordsInTopics;
import static dev.cdcpipeline.local.it.PipelineTestSupport.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.cli.CleanupCommand;
import dev.cdcpipeline.cli.RunCommand;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.demo.LoadGenerator;
import dev.cdcpipeline.local.verify.ReconciliationReport;
import dev.cdcpipeline.source.SourceUnavailableException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's write-ahead log as the source at parallelism 2: the snapshot, then changes exactly
 * once through a stop and a restore from the last retained checkpoint while the source keeps
 * changing; then {@code cleanup} drops the slot and the publication the pipeline kept.
 */
class PostgresPipelineITCase extends PlaygroundTestBase {

    private static final String PIPELINE = "pg";

    @BeforeAll
    static void createSourceTables() throws Exception {
        try (Connection connection = playground.postgresSourceConnection()) {
            DemoShop.createAndSeed(connection, 5, 60, 10, 300);
        }
    }

    @Test
    void restoresFromACheckpointWithoutLossOrDuplicatesAndCleanupDropsTheSlot() throws Exception {
        Path checkpoints = workDirectory.resolve("checkpoints");
        RunningPipeline first = PipelineTestSupport.start(definition(playground, DemoSources.POSTGRES, PIPELINE, 2, checkpoints, ""));
        assertThat(awaitConsistent(first.plan()).examples()).isEmpty();

        try (LoadGenerator generator = LoadGenerator.start(() -> playground.shopConnectionUnchecked(true), 3, 150)) {
            Path lastCheckpoint = CheckpointFiles.cancelAfterTwoCheckpointsWhileChanging(first, checkpoints, generator);
            assertThat(slotExists("cdc_pg_postgres")).as("the slot outlives the job, keeping the changes made meanwhile").isTrue();

            CheckpointFiles.awaitMoreChanges(generator, 100, "while the pipeline is stopped");
            RunningPipeline second = PipelineTestSupport.start(definition(playground, DemoSources.POSTGRES, PIPELINE, 2, checkpoints,
                    "execution.state-recovery.path: " + lastCheckpoint.toUri()));
            try {
                CheckpointFiles.awaitMoreChanges(generator, 200, "after the restore");
                generator.stop();

                ReconciliationReport report = awaitConsistent(second.plan());
                assertThat(report.examples()).isEmpty();
                assertThat(changeRecordsInTopics(playground, PIPELINE)).isEqualTo(generator.rowsChanged());
            } finally {
                second.job().cancel().get(30, TimeUnit.SECONDS);
            }
        }

        Path pipelineFile = Files.writeString(workDirectory.resolve("pg.yaml"),
                PipelineTestSupport.yaml(playground, DemoSources.POSTGRES, PIPELINE, 2, checkpoints, ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        awaitCondition("the cancelled job to release its slot", () -> !slotActive("cdc_pg_postgres"));
        int exitCode = CleanupCommand.run(pipelineFile, playground.secrets(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exitCode).isEqualTo(RunCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("dropped replication slot cdc_pg_postgres and publication cdc_pg_postgres");
        assertThat(slotExists("cdc_pg_postgres")).isFalse();
    }

    @Test
    void aSlotThatAnotherJobReadsIsRefusedBeforeTheJobStarts() throws Exception {
        String sharedSlot = "database: shop\n  slot-name: shared_slot";
        RunningPipeline first = PipelineTestSupport.start(definition(playground, DemoSources.POSTGRES, "slot-owner", 1,
                workDirectory.resolve("checkpoints"), "", "database: shop", sharedSlot));
        try {
            // During the snapshot the slot is active only while a chunk's backfill reads it; once the
            // snapshot is done, the job reads it without a pause.
            assertThat(awaitConsistent(first.plan()).examples()).as("the first job's snapshot").isEmpty();
            awaitCondition("the first job to read its slot", () -> slotActive("shared_slot"));

            assertThatThrownBy(() -> PipelineTestSupport.start(definition(playground, DemoSources.POSTGRES, "slot-intruder", 1,
                    workDirectory.resolve("checkpoints"), "", "database: shop", sharedSlot)))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("replication slot 'shared_slot'")
                    .hasMessageContaining("in use by another process");
        } finally {
            first.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean slotExists(String slot) {
        return slotQuery("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ?", slot);
    }

    private static boolean slotActive(String slot) {
        return slotQuery("SELECT count(*) FROM pg_replication_slots WHERE slot_name = ? AND active", slot);
    }

    private static boolean slotQuery(String query, String slot) {
        try (Connection connection = playground.postgresSourceConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, slot);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
