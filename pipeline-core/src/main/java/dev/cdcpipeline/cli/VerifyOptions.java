package dev.cdcpipeline.cli;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The arguments of {@code verify}.
 *
 * @param pipelineFile the pipeline definition
 * @param chunks {@code --chunks}, default 1024: how many chunks each table's rows are spread over
 * @param maxLag {@code --max-lag}, default 30s: how long a difference may last before it counts
 *     (a live pipeline writes a change a moment after the source commits it); 0 checks once
 */
public record VerifyOptions(Path pipelineFile, int chunks, Duration maxLag) {

    public static final String USAGE = "verify <pipeline.yaml> [--chunks 1024] [--max-lag 30s]";
    static final int DEFAULT_CHUNKS = 1024;
    static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(30);
    /** More chunks than this only costs memory: a chunk then holds a handful of rows of a huge table. */
    static final int MAX_CHUNKS = 1 << 20;

    /** @throws IllegalArgumentException naming the argument that is wrong */
    public static VerifyOptions parse(String[] args) {
        Path file = null;
        int chunks = DEFAULT_CHUNKS;
        Duration maxLag = DEFAULT_MAX_LAG;
        for (int i = 0; i < args.length; i++) {
            String argument = args[i];
            if (!argument.startsWith("--")) {
                if (file != null) {
                    throw new IllegalArgumentException("verify takes one pipeline file, got '" + file + "' and '" + argument + "'");
                }
                file = Path.of(argument);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + argument + " needs a value");
            }
            String value = args[++i];
            switch (argument) {
                case "--chunks" -> chunks = chunks(value);
                case "--max-lag" -> maxLag = duration(argument, value);
                default -> throw new IllegalArgumentException("Unknown option " + argument + " of verify");
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("verify needs the pipeline file: " + USAGE);
        }
        return new VerifyOptions(file, chunks, maxLag);
    }

    private static int chunks(String value) {
        try {
            int chunks = Integer.parseInt(value);
            if (chunks >= 1 && chunks <= MAX_CHUNKS) {
                return chunks;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--chunks expects an integer between 1 and " + MAX_CHUNKS + ", got '" + value + "'");
    }

    private static Duration duration(String option, String value) {
        try {
            Duration duration = TimeUtils.parseDuration(value);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " expects a duration such as 30s or 2min, got '" + value + "'");
    }
}
