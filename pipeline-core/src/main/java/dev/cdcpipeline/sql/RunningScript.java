package dev.cdcpipeline.sql;

import java.util.ArrayList;
import java.util.List;
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
        List<CompletableFuture<?>> results = new ArrayList<>();
        jobs.forEach(job -> results.add(job.client().getJobExecutionResult()));
        List<Integer> running = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            running.add(i);
        }
        while (!running.isEmpty()) {
            CompletableFuture<?>[] pending = running.stream().map(results::get).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.anyOf(pending).get();
            } catch (ExecutionException e) {
                // Found below, with the job it belongs to.
            }
            for (Integer index : List.copyOf(running)) {
                CompletableFuture<?> result = results.get(index);
                if (result.isCompletedExceptionally()) {
                    cancelAllBut(index);
                    throw new JobFailedException(jobs.get(index), causeOf(result));
                }
                if (result.isDone()) {
                    running.remove(index);
                }
            }
        }
    }

    /** Cancels every job; for a script that fails after it started some. */
    public void cancelAll() {
        jobs.forEach(job -> job.client().cancel());
    }

    private void cancelAllBut(int failed) {
        for (int i = 0; i < jobs.size(); i++) {
            if (i != failed) {
                jobs.get(i).client().cancel();
            }
        }
    }

    private static Throwable causeOf(CompletableFuture<?> failed) {
        try {
            failed.join();
            throw new IllegalStateException("not failed");
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }
}
