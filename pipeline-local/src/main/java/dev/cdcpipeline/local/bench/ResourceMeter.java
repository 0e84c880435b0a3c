package dev.cdcpipeline.local.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Reads the CPU time of this JVM, of the threads in it that are not the pipeline's, and of the
 * database servers. The Kafka broker runs in this JVM: its threads are told apart as the ones
 * already running when the meter was made, right after the servers started and before any
 * pipeline; threads the broker starts later count as Flink's (few, and idle).
 */
final class ResourceMeter {

    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** HotSpot's, which reads the CPU time of many threads at once. */
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long[] brokerThreadIds;
    private final BenchThreads benchThreads;
    private final ServerProcesses servers;

    private ResourceMeter(long[] brokerThreadIds, BenchThreads benchThreads, ServerProcesses servers) {
        this.brokerThreadIds = brokerThreadIds;
        this.benchThreads = benchThreads;
        this.servers = servers;
    }

    /** To be made right after the servers started, on the thread that drives the bench. */
    static ResourceMeter afterServersStarted(BenchThreads benchThreads, ServerProcesses servers) {
        long driver = Thread.currentThread().getId();
        long[] ids = Arrays.stream(ManagementFactory.getThreadMXBean().getAllThreadIds())
                .filter(id -> id != driver)
                .toArray();
        return new ResourceMeter(ids, benchThreads, servers);
    }

    ResourceUsage read() {
        long broker = 0;
        for (long cpu : threads.getThreadCpuTime(brokerThreadIds)) {
            // -1 for a thread that has ended; its time is lost to this sum but stays in the process's.
            broker += Math.max(0, cpu);
        }
        return new ResourceUsage(System.nanoTime(), system.getProcessCpuTime(), broker, benchThreads.cpuNanos(),
                servers.mariaDbCpuNanos(), servers.postgresCpuNanos(), MachineCpu.busyNanos());
    }
}
