package dev.cdcpipeline.job;

import org.apache.flink.core.execution.JobClient;

/** A started pipeline: what it was resolved to, and the Flink job that runs it. */
public record RunningPipeline(PipelinePlan plan, JobClient job) {}
