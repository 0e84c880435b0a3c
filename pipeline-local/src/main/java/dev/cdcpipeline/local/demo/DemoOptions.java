package dev.cdcpipeline.local.demo;

import dev.cdcpipeline.local.CommandOptions;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The demo's command-line options. */
public record DemoOptions(Duration duration, double changesPerSecond, int parallelism, long seed, Path workDirectory,
        int customers, int products, int orders, DemoSources sources, DemoEngine engine) {

    public static final String USAGE = "demo [--source mysql|postgres|both] [--engine java|sql] [--duration 60s] [--rate 100]"
            + " [--parallelism 2] [--seed 42] [--rows 10000] [--work-dir DIR]";

    public static DemoOptions parse(String[] args) {
        CommandOptions options = CommandOptions.parse(args, Set.of("--duration", "--rate", "--parallelism", "--seed",
                "--rows", "--work-dir", "--source", "--engine"));
        Duration duration = options.get("--duration", TimeUtils::parseDuration, Duration.ofSeconds(60));
        double rate = options.get("--rate", Double::parseDouble, 100.0);
        int parallelism = options.get("--parallelism", Integer::parseInt, 2);
        long seed = options.get("--seed", Long::parseLong, 42L);
        int orders = options.get("--rows", Integer::parseInt, 10_000);
        Path workDirectory = options.get("--work-dir", Path::of, Path.of(System.getProperty("java.io.tmpdir"), "cdc-playground"));
        DemoSources sources = options.get("--source", value -> choice("--source", value, DemoSources.class), DemoSources.MYSQL);
        DemoEngine engine = options.get("--engine", value -> choice("--engine", value, DemoEngine.class), DemoEngine.JAVA);
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
