package dev.cdcpipeline.local.chaos;

import dev.cdcpipeline.local.CommandOptions;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chaos command's options. Without {@code --seed} a random seed is drawn and printed, so a
 * run that finds a problem can be repeated with the same failures at the same moments.
 */
public record ChaosOptions(Duration duration, long seed, double changesPerSecond, int parallelism, int orders, Path workDirectory) {

    public static final String USAGE =
            "chaos [--duration 5m] [--seed N] [--rate 100] [--parallelism 2] [--rows 5000] [--work-dir DIR]";

    public static ChaosOptions parse(String[] args) {
        CommandOptions options = CommandOptions.parse(args, Set.of("--duration", "--seed", "--rate", "--parallelism",
                "--rows", "--work-dir"));
        Duration duration = options.get("--duration", TimeUtils::parseDuration, Duration.ofMinutes(5));
        long seed = options.get("--seed", Long::parseLong, ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
        double rate = options.get("--rate", Double::parseDouble, 100.0);
        int parallelism = options.get("--parallelism", Integer::parseInt, 2);
        int orders = options.get("--rows", Integer::parseInt, 5_000);
        Path workDirectory = options.get("--work-dir", Path::of, Path.of(System.getProperty("java.io.tmpdir"), "cdc-chaos"));
        if (duration.compareTo(Duration.ofSeconds(30)) < 0 || rate <= 0 || parallelism < 1 || orders < 10) {
            throw new IllegalArgumentException("--duration must be >= 30s, --rate > 0, --parallelism >= 1, --rows >= 10");
        }
        return new ChaosOptions(duration, seed, rate, parallelism, orders, workDirectory);
    }
}
