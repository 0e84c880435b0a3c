package dev.cdcpipeline.local;

import dev.cdcpipeline.cli.CleanupCommand;
import dev.cdcpipeline.cli.RunCommand;
import dev.cdcpipeline.cli.SqlCommand;
import dev.cdcpipeline.cli.VerifyCommand;
import dev.cdcpipeline.cli.VerifyOptions;
import dev.cdcpipeline.local.bench.BenchCommand;
import dev.cdcpipeline.local.bench.BenchOptions;
import dev.cdcpipeline.local.chaos.ChaosOptions;
import dev.cdcpipeline.local.chaos.ChaosRun;
import dev.cdcpipeline.local.demo.DemoOptions;
import dev.cdcpipeline.local.demo.DemoResult;
import dev.cdcpipeline.local.demo.DemoRun;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** The entry point of {@code pipeline-local.jar}: Flink runs inside this JVM. */
public final class LocalMain {

    static final String USAGE = String.join("\n",
            "Usage: java -jar pipeline-local.jar <command> [arguments]",
            "",
            "Commands:",
            "  run <pipeline.yaml>   run a pipeline in a local Flink mini-cluster against the databases and Kafka it names",
            "  " + DemoOptions.USAGE,
            "                        start MariaDB, PostgreSQL and Kafka here, run the shop pipeline while a generator",
            "                        changes the shop, then reconcile source, warehouse and topics row by row",
            "  cleanup <pipeline.yaml>  drop what a retired pipeline keeps on its sources (PostgreSQL slot, publication)",
            "  sql <script.sql>      run a Flink SQL script in a local Flink mini-cluster (${NAME}: environment variables)",
            "  " + VerifyOptions.USAGE,
            "                        compare every captured table with its warehouse table (counts, checksums per chunk),",
            "                        list the keys that differ; read-only",
            "  " + BenchOptions.USAGE,
            "                        measure snapshot, streaming and latency against embedded servers, and the Flink SQL",
            "                        peer; table on standard output, CSV and PNG plots in bench-results/<time>",
            "  " + ChaosOptions.USAGE,
            "                        run the shop pipeline while TaskManager losses, JobManager failovers, source and",
            "                        broker restarts and warehouse outages strike at seeded random moments; reconcile",
            "  --help                show this help");

    /**
     * The binlog client logs through java.util.logging, at INFO for every (re)connection. Held here
     * because java.util.logging keeps loggers only weakly: a collected logger forgets its level.
     */
    private static final java.util.logging.Logger BINLOG_CLIENT_LOG =
            java.util.logging.Logger.getLogger("com.github.shyiko.mysql.binlog");

    private LocalMain() {}

    public static void main(String[] args) {
        BINLOG_CLIENT_LOG.setLevel(java.util.logging.Level.WARNING);
        int exitCode = execute(args, System.out, System.err);
        // Servers and Flink leave non-daemon threads behind: exit explicitly.
        System.exit(exitCode);
    }

    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, System.getenv(), out, err);
    }

    /** As {@link #execute(String[], PrintStream, PrintStream)}, with the variables that {@code ${NAME}} in a file reads. */
    public static int execute(String[] args, Map<String, String> environmentVariables, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? RunCommand.BAD_CONFIGURATION : RunCommand.OK;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "run":
                if (rest.length != 1) {
                    break;
                }
                return RunCommand.run(Path.of(rest[0]), environmentVariables, LocalEnvironments::create, out, err);
            case "sql":
                if (rest.length != 1) {
                    break;
                }
                return SqlCommand.run(Path.of(rest[0]), environmentVariables, LocalEnvironments::create, out, err);
            case "demo":
                return demo(rest, out, err);
            case "chaos":
                return chaos(rest, out, err);
            case "bench":
                return BenchCommand.run(rest, out, err);
            case "cleanup":
                if (rest.length != 1) {
                    break;
                }
                return CleanupCommand.run(Path.of(rest[0]), environmentVariables, out, err);
            case "verify":
                if (rest.length == 0) {
                    break;
                }
                return VerifyCommand.run(rest, environmentVariables, out, err);
            default:
                break;
        }
        err.println("Unknown command or wrong arguments: " + String.join(" ", args) + "\n\n" + USAGE);
        return RunCommand.BAD_CONFIGURATION;
    }

    private static int chaos(String[] args, PrintStream out, PrintStream err) {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return RunCommand.BAD_CONFIGURATION;
        }
        try {
            ChaosRun.Result result = new ChaosRun(options, out).run();
            out.println(result.summaryLine());
            return result.report().consistent() ? RunCommand.OK : RunCommand.FAILED;
        } catch (Exception e) {
            err.println("chaos run failed (seed " + options.seed() + "): " + e);
            e.printStackTrace(err);
            return RunCommand.FAILED;
        }
    }

    private static int demo(String[] args, PrintStream out, PrintStream err) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return RunCommand.BAD_CONFIGURATION;
        }
        try {
            DemoResult result = new DemoRun(options, out).run();
            if (result.features() != null) {
                out.println(result.features().summaryLine());
            }
            out.println(result.reconciliation().summaryLine());
            return result.consistent() ? RunCommand.OK : RunCommand.FAILED;
        } catch (Exception e) {
            err.println("demo failed: " + e);
            e.printStackTrace(err);
            return RunCommand.FAILED;
        }
    }
}
