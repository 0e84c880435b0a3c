package dev.cdcpipeline.jobs;

import dev.cdcpipeline.cli.CleanupCommand;
import dev.cdcpipeline.cli.RunCommand;
import dev.cdcpipeline.cli.SqlCommand;
import dev.cdcpipeline.cli.VerifyCommand;
import dev.cdcpipeline.cli.VerifyOptions;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** The entry point of {@code pipeline-jobs.jar}, submitted to a Flink cluster. */
public final class JobMain {

    static final String USAGE = String.join("\n",
            "Usage: flink run pipeline-jobs.jar <command> [arguments]",
            "",
            "Commands:",
            "  run <pipeline.yaml>   run the pipeline the file defines on this Flink cluster",
            "  cleanup <pipeline.yaml>  drop what a retired pipeline keeps on its sources (PostgreSQL slot, publication)",
            "  sql <script.sql>      run a Flink SQL script on this Flink cluster, with the project's SQL functions",
            "  " + VerifyOptions.USAGE,
            "                        compare every captured table with its warehouse table (counts, checksums per chunk),",
            "                        list the keys that differ; read-only",
            "  --help                show this help",
            "",
            "${NAME} in the file (the YAML or the SQL script) is replaced by the environment variable NAME",
            "(${NAME:-default} with a default).");

    private JobMain() {}

    /**
     * Never {@code System.exit}: main() also runs inside Flink's JobManager (a jar run through the REST API or
     * the web UI, and application mode on Kubernetes), where exiting stops the JobManager and every job on it. A
     * command that fails throws instead, with the message it printed: {@code flink run} prints it and exits with
     * 1, the REST API answers with it.
     */
    public static void main(String[] args) {
        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        int exitCode = execute(args, System.out, new PrintStream(problems, true, StandardCharsets.UTF_8));
        String message = problems.toString(StandardCharsets.UTF_8);
        System.err.print(message);
        if (exitCode != RunCommand.OK) {
            throw new CommandFailedException(message.strip());
        }
    }

    /** A command that did not do what it was asked; the message is what it printed about it. */
    static final class CommandFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommandFailedException(String message) {
            super(message);
        }
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? RunCommand.BAD_CONFIGURATION : RunCommand.OK;
        }
        if (args[0].equals("cleanup") && args.length == 2) {
            return CleanupCommand.run(Path.of(args[1]), System.getenv(), out, err);
        }
        if (args[0].equals("verify") && args.length >= 2) {
            return VerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), out, err);
        }
        if (args[0].equals("sql") && args.length == 2) {
            return SqlCommand.run(Path.of(args[1]), System.getenv(),
                    StreamExecutionEnvironment::getExecutionEnvironment, out, err);
        }
        if (args[0].equals("run") && args.length == 2) {
            return RunCommand.run(Path.of(args[1]), System.getenv(),
                    StreamExecutionEnvironment::getExecutionEnvironment, out, err);
        }
        err.println("Unknown command or wrong arguments: " + String.join(" ", args) + "\n\n" + USAGE);
        return RunCommand.BAD_CONFIGURATION;
    }
}
