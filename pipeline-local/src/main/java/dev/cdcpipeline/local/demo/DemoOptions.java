package dev.cdcpipeline.local.demo;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The demo's command-line options. */
public record DemoOptions(Duration duration, double changesPerSecond, int parallelism, long seed, Path workDirectory,
        int customers, int products, int orders, DemoSources sources, DemoEngine engine) {

    public static final String USAGE = "demo [--source mysql|postgres|both] [--engine java|sql] [--duration 60s] [--rate 100]"
            + " [--parallelism 2] [--seed 42] [--rows 10000] [--work-dir DIR]";

    public static DemoOptions parse(String[] args) {
        Duration duration = Duration.ofSeconds(60);
        double rate = 100;
        int parallelism = 2;
        long seed = 42;
        int orders = 10_000;
        Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "cdc-playground");
        DemoSources sources = DemoSources.MYSQL;
        DemoEngine engine = DemoEngine.JAVA;
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
                case "--source" -> sources = choice("--source", value, DemoSources.class);
                case "--engine" -> engine = choice("--engine", value, DemoEngine.class);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        if (rate <= 0 || parallelism < 1 || orders < 10) {
            throw new IllegalArgumentException("--rate must be > 0, --parallelism >= 1, --rows >= 10");
        }
        if (engine == DemoEngine.SQL && sources != DemoSources.MYSQL) {
            throw new IllegalArgumentException("--engine sql runs sql/" + SqlMirror.SCRIPT + ", which reads MariaDB: use --source mysql");
        }
        return new DemoOptions(duration, rate, parallelism, seed, workDirectory, Math.max(1, orders / 5),
                Math.max(1, orders / 30), orders, sources, engine);
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> choices) {
        try {
            return Enum.valueOf(choices, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String expected = Arrays.stream(choices.getEnumConstants())
                    .map(choice -> choice.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw new IllegalArgumentException(option + " expects one of " + expected + ", got '" + value + "'", e);
        }
    }

    /** Rows in the source tables before the pipeline starts, over all sources. */
    public long initialRows() {
        return ((long) customers + products + orders) * (sources == DemoSources.BOTH ? 2 : 1);
    }
}
