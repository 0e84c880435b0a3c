package dev.cdcpipeline.cli;

import dev.cdcpipeline.config.PipelineConfigException;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.PipelineLauncher;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.source.SourceUnavailableException;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code run <pipeline.yaml>}, shared by the cluster jar and the local jar: parse, check, start,
 * and wait for the job to end. Problems a user can fix are printed as one message, not a stack
 * trace.
 */
public final class RunCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_CONFIGURATION = 2;

    private RunCommand() {}

    public static int run(
            Path pipelineFile,
            Map<String, String> environmentVariables,
            Function<Configuration, StreamExecutionEnvironment> environments,
            PrintStream out,
            PrintStream err) {
        PipelineDefinition definition;
        try {
            definition = PipelineDefinitionParser.parseFile(pipelineFile, environmentVariables);
        } catch (PipelineConfigException e) {
            err.println(e.getMessage());
            return BAD_CONFIGURATION;
        }
        try {
            RunningPipeline pipeline = PipelineLauncher.start(definition, environments);
            JobClient job = pipeline.job();
            out.println("Pipeline '" + definition.pipeline().name() + "' started as Flink job " + job.getJobID());
            if (pipeline.detached()) {
                return OK;
            }
            job.getJobExecutionResult().get();
            out.println("Pipeline '" + definition.pipeline().name() + "' finished");
            return OK;
        } catch (SourceUnavailableException | PipelineConfigException e) {
            err.println("Cannot start pipeline '" + definition.pipeline().name() + "': " + e.getMessage());
            return BAD_CONFIGURATION;
        } catch (Exception e) {
            Throwable root = ExceptionUtils.stripExecutionException(e);
            err.println("Pipeline '" + definition.pipeline().name() + "' failed: " + describe(root));
            return FAILED;
        }
    }

    /** The failure's message and its causes', one per line. */
    static String describe(Throwable failure) {
        StringBuilder causes = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            causes.append("\n  caused by: ").append(cause.getMessage());
        }
        return causes.toString();
    }
}
