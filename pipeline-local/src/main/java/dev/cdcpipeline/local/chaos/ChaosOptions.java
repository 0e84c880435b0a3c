package dev.cdcpipeline.local.chaos;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chaos command's options. Without {@code --seed} a random seed is drawn and printed, so a
 * run that finds a problem can be repeated with the same failures at the same moments.
 */
public record ChaosOptions(Duration duration, long seed, double changesPerSecond, int parallelism, int orders, Path workDirectory) {

    public static final String USAGE =
            "chaos [--duration 5m] [--seed N] [--rate 100] [--parallelism 2] [--rows 5000] [--work-dir DIR]";

    public static ChaosOptions parse(String[] args) {
        Duration duration = Duration.ofMinutes(5);
        long seed = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        double rate = 100;
        int parallelism = 2;
        int orders = 5_000;
        Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "cdc-chaos");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--duration" -> duration = TimeUtils.parseDuration(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--parallelism" -> parallelism = Integer.parseInt(value);
                case "--rows" -> orders = Integer.parseInt(value);
                case "--work-dir" -> workDirectory = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (duration.compareTo(Duration.ofSeconds(30)) < 0 || rate <= 0 || parallelism < 1 || orders < 10) {
            throw new IllegalArgumentException("--duration must be >= 30s, --rate > 0, --parallelism >= 1, --rows >= 10");
        }
        return new ChaosOptions(duration, seed, rate, parallelism, orders, workDirectory);
    }
}
