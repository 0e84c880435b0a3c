package dev.cdcpipeline.job;

import dev.cdcpipeline.config.PipelineDefinition;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
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
        // The environment without our settings tells what the cluster (or the client's config.yaml) sets.
        ReadableConfig cluster = environments.apply(new Configuration()).getConfiguration();
        StreamExecutionEnvironment environment = environments.apply(PipelineJob.flinkConfiguration(definition, cluster));
        PipelineJob.addTo(environment, plan);
        JobClient job = environment.executeAsync(definition.pipeline().name());
        return new RunningPipeline(plan, job, !environment.getConfiguration().get(DeploymentOptions.ATTACHED));
    }
}
