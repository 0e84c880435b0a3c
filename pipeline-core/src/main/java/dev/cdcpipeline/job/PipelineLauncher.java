package dev.cdcpipeline.job;

import dev.cdcpipeline.config.PipelineDefinition;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.function.Function;

/**
 * Starts a pipeline on whatever Flink the caller provides: the cluster a job jar was submitted
 * to, or a mini-cluster in this JVM. Checks and creates what the job needs first.
 */
public final class PipelineLauncher {

    private PipelineLauncher() {}

    public static RunningPipeline start(
            PipelineDefinition definition, Function<Configuration, StreamExecutionEnvironment> environments)
            throws Exception {
        PipelinePlan plan = PipelinePreparation.prepare(definition);
        StreamExecutionEnvironment environment = environments.apply(PipelineJob.flinkConfiguration(definition));
        PipelineJob.addTo(environment, plan);
        JobClient job = environment.executeAsync(definition.pipeline().name());
        return new RunningPipeline(plan, job, !environment.getConfiguration().get(DeploymentOptions.ATTACHED));
    }
}
