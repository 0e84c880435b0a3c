package dev.cdcpipeline.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bench's own threads (load generators, Kafka consumers, warehouse pollers) and the thread
 * that drives the bench, with the CPU time they used. That time is spent in this JVM but is not
 * the pipeline's, so the bench takes it out of the process's CPU time.
 */
final class BenchThreads {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final LongAdder finishedCpuNanos = new LongAdder();
    private final long driverThreadId;

    /** Called on the thread that drives the bench, which counts as one of its threads. */
    BenchThreads() {
        threads.setThreadCpuTimeEnabled(true);
        this.driverThreadId = Thread.currentThread().getId();
    }

    /** Starts a daemon thread whose CPU time is counted, also after it has ended. */
    Thread start(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } finally {
                // A thread's CPU time can only be read while it lives.
                finishedCpuNanos.add(threads.getCurrentThreadCpuTime());
                running.remove(Thread.currentThread());
            }
        }, "bench-" + name);
        thread.setDaemon(true);
        running.add(thread);
        thread.start();
        return thread;
    }

    /** CPU time of every bench thread so far, the driving thread included. */
    long cpuNanos() {
        long total = finishedCpuNanos.sum() + Math.max(0, threads.getThreadCpuTime(driverThreadId));
        for (Thread thread : running) {
            total += Math.max(0, threads.getThreadCpuTime(thread.getId()));
        }
        return total;
    }
}
