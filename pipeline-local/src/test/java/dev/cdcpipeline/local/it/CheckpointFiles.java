package dev.cdcpipeline.local.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The completed checkpoints Flink retained for a job: {@code <dir>/<job id>/chk-<n>/_metadata}. */
final class CheckpointFiles {

    private CheckpointFiles() {}

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
