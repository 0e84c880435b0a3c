package dev.cdcpipeline.jobs;

import dev.cdcpipeline.cli.RunCommand;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.nio.file.Path;

/** The entry point of {@code pipeline-jobs.jar}, submitted to a Flink cluster. */
public final class JobMain {

    static final String USAGE = String.join("\n",
            "Usage: flink run pipeline-jobs.jar <command> [arguments]",
            "",
            "Commands:",
            "  run <pipeline.yaml>   run the pipeline the file defines on this Flink cluster",
            "  --help                show this help",
            "",
            "${NAME} in the file is replaced by the environment variable NAME (${NAME:-default} with a default).");

    private JobMain() {}

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    static int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? RunCommand.BAD_CONFIGURATION : RunCommand.OK;
        }
        if (args[0].equals("run") && args.length == 2) {
            return RunCommand.run(Path.of(args[1]), System.getenv(),
                    StreamExecutionEnvironment::getExecutionEnvironment, out, err);
        }
        err.println("Unknown command or wrong arguments: " + String.join(" ", args) + "\n\n" + USAGE);
        return RunCommand.BAD_CONFIGURATION;
    }
}
