package dev.cdcpipeline.cli;

import dev.cdcpipeline.sql.RunningScript;
import dev.cdcpipeline.sql.RunningScript.JobFailedException;
import dev.cdcpipeline.sql.SqlScript;
import dev.cdcpipeline.sql.SqlScriptException;
import dev.cdcpipeline.sql.SqlScriptRunner;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code sql <script.sql>}, shared by the cluster jar and the local jar: run a Flink SQL script,
 * then wait for the jobs it started. A script error (a statement Flink rejects, an unset
 * variable) is one message naming the line, and exit code {@link RunCommand#BAD_CONFIGURATION};
 * a job that fails later gives {@link RunCommand#FAILED}.
 */
public final class SqlCommand {

    private SqlCommand() {}

    public static int run(
            Path scriptFile,
            Map<String, String> environmentVariables,
            Function<Configuration, StreamExecutionEnvironment> environments,
            PrintStream out,
            PrintStream err) {
        RunningScript running;
        try {
            SqlScript script = SqlScript.parse(Files.readString(scriptFile, StandardCharsets.UTF_8), environmentVariables);
            running = SqlScriptRunner.start(script, environments, out);
        } catch (IOException e) {
            err.println("Cannot read the SQL script " + scriptFile + ": " + e);
            return RunCommand.BAD_CONFIGURATION;
        } catch (SqlScriptException e) {
            err.println("Error in " + scriptFile + ", " + e.getMessage());
            return RunCommand.BAD_CONFIGURATION;
        }
        if (running.detached() || running.jobs().isEmpty()) {
            return RunCommand.OK;
        }
        try {
            running.awaitAll();
            out.println(scriptFile + ": every job finished");
            return RunCommand.OK;
        } catch (JobFailedException e) {
            err.println(scriptFile + ": " + e.getMessage() + ": " + RunCommand.describe(e.getCause()));
            return RunCommand.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.cancelAll();
            return RunCommand.FAILED;
        }
    }
}
