package dev.cdcpipeline.local.bench;

import org.apache.flink.core.execution.JobClient;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A running job that mirrors the source into the warehouse and Kafka, ours or the peer's, and
 * where it writes the tables the bench watches.
 *
 * @param engine names the job in the output: {@code pipeline} or {@code flink-sql}
 * @param ordersTable the warehouse table of {@code shop.orders}, quoted
 * @param ordersTopic the topic of {@code shop.orders}
 * @param probes where the latency probe rows go; empty for the peer, which does not mirror them
 * @param checkpoints the job's own checkpoint directory, when it keeps its checkpoints in files
 */
record StartedMirror(String engine, JobClient job, String ordersTable, String ordersTopic, Optional<ProbeOutputs> probes,
        Optional<Path> checkpoints) {

    /** The warehouse table (quoted) and topic of {@code bench.latency_probe}. */
    record ProbeOutputs(String table, String topic) {}

    /** @throws IllegalStateException with the job's failure if it has ended */
    void requireRunning() throws Exception {
        if (job.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
            job.getJobExecutionResult().get(10, TimeUnit.SECONDS);
            throw new IllegalStateException("The " + engine + " job ended before the measurement did");
        }
    }

    void cancel() throws Exception {
        if (!job.getJobExecutionResult().isDone()) {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    /** Cancels the job and waits until it has ended: none of its tasks writes anything after this. */
    void cancelAndAwaitEnd() throws Exception {
        cancel();
        try {
            job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException cancelled) {
            // What a cancelled job ends with.
        }
    }
}
