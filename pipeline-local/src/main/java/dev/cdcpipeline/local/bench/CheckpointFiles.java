package dev.cdcpipeline.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The completed checkpoints a job keeps in its directory ({@code chk-<n>} with a {@code _metadata}
 * file) and their size on disk. With the heap state backend every checkpoint is a full one, so the
 * latest one's files are the job's whole state; an incremental checkpoint (RocksDB) also refers to
 * files in the job's {@code shared} directory, which are counted with it.
 */
final class CheckpointFiles {

    /** @param bytes all files of the checkpoint, its metadata and the shared files included */
    record Checkpoint(long id, long bytes) {}

    private CheckpointFiles() {}

    static Optional<Checkpoint> latest(Path jobCheckpoints) {
        if (!Files.isDirectory(jobCheckpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(jobCheckpoints)) {
            return entries
                    .filter(entry -> entry.getFileName().toString().startsWith("chk-"))
                    .filter(entry -> Files.exists(entry.resolve("_metadata")))
                    .max(Comparator.comparingLong(CheckpointFiles::id))
                    .map(entry -> new Checkpoint(id(entry), bytes(entry) + bytes(jobCheckpoints.resolve("shared"))));
        } catch (IOException e) {
            // Flink deletes older checkpoints as new ones complete: a listing can race with that.
            return Optional.empty();
        }
    }

    private static long id(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
    }

    private static long bytes(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(CheckpointFiles::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
