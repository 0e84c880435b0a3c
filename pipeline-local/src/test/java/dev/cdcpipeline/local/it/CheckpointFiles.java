package dev.cdcpipeline.local.it;

import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.LoadGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The completed checkpoints Flink retained for a job ({@code <dir>/<job id>/chk-<n>/_metadata}), and
 * the stop-while-changing step of the restore tests.
 */
final class CheckpointFiles {

    private CheckpointFiles() {}

    /**
     * Lets the job complete two checkpoints while the generator keeps changing the source, then
     * cancels it (the checkpoints are retained) and returns the last one to restore from.
     */
    static Path cancelAfterTwoCheckpointsWhileChanging(RunningPipeline pipeline, Path checkpoints, LoadGenerator generator)
            throws Exception {
        Path jobCheckpoints = checkpoints.resolve(pipeline.job().getJobID().toString());
        long checkpointBeforeChanges = latestCheckpointId(jobCheckpoints);
        PipelineTestSupport.awaitCondition("two checkpoints completed while the source changes",
                () -> generator.committedChanges() > 100 && latestCheckpointId(jobCheckpoints) >= checkpointBeforeChanges + 2);
        pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        return latestCheckpoint(jobCheckpoints).orElseThrow();
    }

    /** Waits until the generator has committed {@code count} more changes. */
    static void awaitMoreChanges(LoadGenerator generator, long count, String when) throws InterruptedException {
        long target = generator.committedChanges() + count;
        PipelineTestSupport.awaitCondition("the source to change " + when, () -> generator.committedChanges() > target);
    }

    static long latestCheckpointId(Path jobCheckpoints) {
        return latestCheckpoint(jobCheckpoints).map(CheckpointFiles::checkpointId).orElse(0L);
    }

    static Optional<Path> latestCheckpoint(Path jobCheckpoints) {
        return completedCheckpoints(jobCheckpoints).max(Comparator.comparingLong(CheckpointFiles::checkpointId));
    }

    private static long checkpointId(Path checkpointDirectory) {
        return Long.parseLong(checkpointDirectory.getFileName().toString().substring("chk-".length()));
    }

    /**
     * Checkpoints whose metadata was written, i.e. that completed. Flink keeps only the latest
     * (execution.checkpointing.num-retained), so there is usually one.
     */
    private static Stream<Path> completedCheckpoints(Path jobCheckpoints) {
        if (!Files.isDirectory(jobCheckpoints)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(jobCheckpoints)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("chk-"))
                    .filter(entry -> Files.exists(entry.resolve("_metadata")))
                    .toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
