package dev.cdcpipeline.local.demo;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;

/** The demo's command-line options. */
public record DemoOptions(Duration duration, double changesPerSecond, int parallelism, long seed, Path workDirectory,
        int customers, int products, int orders) {

    public static final String USAGE =
            "demo [--duration 60s] [--rate 100] [--parallelism 2] [--seed 42] [--rows 10000] [--work-dir DIR]";

    public static DemoOptions parse(String[] args) {
        Duration duration = Duration.ofSeconds(60);
        double rate = 100;
        int parallelism = 2;
        long seed = 42;
        int orders = 10_000;
        Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "cdc-playground");
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--duration" -> duration = TimeUtils.parseDuration(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--parallelism" -> parallelism = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--rows" -> orders = Integer.parseInt(value);
                case "--work-dir" -> workDirectory = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (rate <= 0 || parallelism < 1 || orders < 10) {
            throw new IllegalArgumentException("--rate must be > 0, --parallelism >= 1, --rows >= 10");
        }
        return new DemoOptions(duration, rate, parallelism, seed, workDirectory, Math.max(1, orders / 5), Math.max(1, orders / 30), orders);
    }

    public long initialRows() {
        return (long) customers + products + orders;
    }
}
