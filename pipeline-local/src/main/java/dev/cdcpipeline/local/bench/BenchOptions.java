package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.local.CommandOptions;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bench command's options, and the sizes of each measurement they imply. {@code --quick} keeps
 * the same measurements and shortens them (fewer rows, shorter windows) to finish within five
 * minutes; {@code --large} snapshots 10 million rows instead of one million.
 *
 * @param rows rows of the snapshot table
 * @param outputDirectory where results.csv, timeseries.csv and the plots go
 * @param workDirectory the embedded servers' data
 * @param checkpointInterval of the snapshot and streaming runs, and the first latency run
 * @param latencyCheckpointIntervals the checkpoint intervals latency is measured at
 * @param streamWindow how long each streaming rate is measured, after {@link #warmUp}
 * @param latencyWindow how long latency probes are taken at each interval, after {@link #warmUp}
 * @param latencyLoadPerSecond the fixed change rate under which latency is measured
 * @param flinkOptions added to the {@code flink:} section of every pipeline the bench runs
 *     ({@code --flink key=value}), to measure a setting against the defaults
 */
public record BenchOptions(
        long rows,
        boolean quick,
        Path outputDirectory,
        Path workDirectory,
        int parallelism,
        Duration checkpointInterval,
        List<Duration> latencyCheckpointIntervals,
        Duration warmUp,
        Duration streamWindow,
        Duration latencyWindow,
        int latencyLoadPerSecond,
        Map<String, String> flinkOptions) {

    public static final String USAGE = "bench [--quick] [--large] [--rows N] [--out DIR] [--parallelism 2]"
            + " [--checkpoint-interval 1s] [--flink KEY=VALUE]... [--work-dir DIR]";

    static final long DEFAULT_ROWS = 1_000_000;
    static final long LARGE_ROWS = 10_000_000;
    static final long QUICK_ROWS = 200_000;
    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public BenchOptions {
        latencyCheckpointIntervals = List.copyOf(latencyCheckpointIntervals);
        flinkOptions = Collections.unmodifiableMap(new LinkedHashMap<>(flinkOptions));
    }

    /**
     * @param startedAt names the default output directory, {@code bench-results/<yyyyMMdd-HHmmss>}
     * @throws IllegalArgumentException for an unknown option, a missing or bad value
     */
    public static BenchOptions parse(String[] args, LocalDateTime startedAt) {
        CommandOptions options = CommandOptions.parse(args,
                Set.of("--rows", "--out", "--work-dir", "--parallelism", "--checkpoint-interval", "--flink"),
                Set.of("--quick", "--large"));
        boolean quick = options.has("--quick");
        boolean large = options.has("--large");
        Long rows = options.get("--rows", value -> positiveLong("--rows", value), null);
        Path output = options.get("--out", Path::of, Path.of("bench-results", RUN_NAME.format(startedAt)));
        Path work = options.get("--work-dir", Path::of, Path.of(System.getProperty("java.io.tmpdir"), "cdc-bench"));
        int parallelism = options.get("--parallelism", value -> (int) positiveLong("--parallelism", value), 2);
        Duration checkpointInterval =
                options.get("--checkpoint-interval", value -> duration("--checkpoint-interval", value), Duration.ofSeconds(1));
        Map<String, String> flinkOptions = new LinkedHashMap<>();
        options.all("--flink").forEach(keyValue -> addFlinkOption(flinkOptions, keyValue));
        if (quick && large) {
            throw new IllegalArgumentException("--quick and --large contradict each other: choose one");
        }
        if (parallelism > 8) {
            throw new IllegalArgumentException("--parallelism must be between 1 and 8, got " + parallelism);
        }
        long tableRows = rows != null ? rows : large ? LARGE_ROWS : quick ? QUICK_ROWS : DEFAULT_ROWS;
        if (tableRows < 1000) {
            throw new IllegalArgumentException("--rows must be at least 1000, got " + tableRows);
        }
        // Latency at the run's interval and at a five times longer one (5 s by default).
        List<Duration> latencyIntervals = List.of(checkpointInterval, checkpointInterval.multipliedBy(5));
        return new BenchOptions(tableRows, quick, output, work, parallelism, checkpointInterval, latencyIntervals,
                Duration.ofSeconds(quick ? 3 : 5),
                Duration.ofSeconds(quick ? 15 : 60),
                Duration.ofSeconds(quick ? 15 : 60),
                5_000,
                flinkOptions);
    }

    private static Duration duration(String option, String value) {
        try {
            Duration parsed = TimeUtils.parseDuration(value);
            if (parsed.toMillis() < 100) {
                throw new IllegalArgumentException(option + " must be at least 100 ms, got " + value);
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(option)) {
                throw e;
            }
            throw new IllegalArgumentException(option + " expects a duration such as 1s or 500ms, got '" + value + "'", e);
        }
    }

    private static void addFlinkOption(Map<String, String> options, String keyValue) {
        int equals = keyValue.indexOf('=');
        if (equals <= 0 || equals == keyValue.length() - 1) {
            throw new IllegalArgumentException("--flink expects KEY=VALUE, got '" + keyValue + "'");
        }
        options.put(keyValue.substring(0, equals).strip(), keyValue.substring(equals + 1).strip());
    }

    private static long positiveLong(String option, String value) {
        try {
            long parsed = Long.parseLong(value.replace("_", ""));
            if (parsed < 1) {
                throw new IllegalArgumentException(option + " must be positive, got " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, got '" + value + "'", e);
        }
    }
}
