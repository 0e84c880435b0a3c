package dev.cdcpipeline.local;

import dev.cdcpipeline.local.progress.PipelineMetrics;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A Flink mini-cluster in this JVM, with the reporter that lets the runner show progress. */
public final class LocalEnvironments {

    private LocalEnvironments() {}

    public static StreamExecutionEnvironment create(Configuration pipelineConfiguration) {
        Configuration configuration = new Configuration(pipelineConfiguration);
        PipelineMetrics.REPORTER_CONFIGURATION.forEach(configuration::setString);
        return StreamExecutionEnvironment.createLocalEnvironment(configuration);
    }
}
