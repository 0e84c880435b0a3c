package dev.cdcpipeline.sql;

import org.apache.flink.util.ExceptionUtils;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The jobs a script started, still running.
 *
 * @param detached submitted with {@code flink run -d}: the client must not wait for the jobs' end
 */
public record RunningScript(List<StartedJob> jobs, boolean detached) {

    public RunningScript {
        jobs = List.copyOf(jobs);
    }

    /** One of the script's jobs failed (or was cancelled from outside). */
    public static final class JobFailedException extends Exception {

        private final transient StartedJob job;

        JobFailedException(StartedJob job, Throwable cause) {
            super(job + " failed", cause);
            this.job = job;
        }

        public StartedJob job() {
            return job;
        }
    }

    /**
     * Waits until every job has finished. The first to fail ends the wait: the others are
     * cancelled, since the script as a whole no longer does what it should.
     */
    public void awaitAll() throws JobFailedException, InterruptedException {
        Map<StartedJob, CompletableFuture<?>> running = new LinkedHashMap<>();
        jobs.forEach(job -> running.put(job, job.client().getJobExecutionResult()));
        while (!running.isEmpty()) {
            try {
                CompletableFuture.anyOf(running.values().toArray(CompletableFuture[]::new)).get();
            } catch (ExecutionException e) {
                // Which job failed is found below.
            }
            for (Iterator<Map.Entry<StartedJob, CompletableFuture<?>>> entries = running.entrySet().iterator(); entries.hasNext(); ) {
                Map.Entry<StartedJob, CompletableFuture<?>> entry = entries.next();
                if (entry.getValue().isCompletedExceptionally()) {
                    Throwable failure = entry.getValue().handle((result, thrown) -> thrown).join();
                    cancelAllBut(entry.getKey());
                    throw new JobFailedException(entry.getKey(), ExceptionUtils.stripCompletionException(failure));
                }
                if (entry.getValue().isDone()) {
                    entries.remove();
                }
            }
        }
    }

    /** Cancels every job that has not ended: for a script that fails after it started some. */
    public void cancelAll() {
        jobs.forEach(RunningScript::cancelIfRunning);
    }

    private void cancelAllBut(StartedJob failed) {
        jobs.stream().filter(job -> job != failed).forEach(RunningScript::cancelIfRunning);
    }

    /** A local job that has ended took its mini-cluster with it: asking that to cancel would throw. */
    private static void cancelIfRunning(StartedJob job) {
        if (!job.client().getJobExecutionResult().isDone()) {
            job.client().cancel();
        }
    }
}
