package dev.cdcpipeline.job;

import org.apache.flink.core.execution.JobClient;

/**
 * A started pipeline: what it was resolved to, and the Flink job that runs it.
 *
 * @param detached submitted with {@code flink run -d}: the client must not wait for the job's end
 */
public record RunningPipeline(PipelinePlan plan, JobClient job, boolean detached) {}
