package dev.cdcpipeline.local.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * CPU time used, read at one moment ({@link ResourceMeter#read()}) or between two
 * ({@link #since}). All times in nanoseconds.
 *
 * @param processCpuNanos this JVM: Flink, the Kafka broker, the bench's own threads
 * @param brokerCpuNanos the threads that were running before any pipeline started: the Kafka
 *     broker's, and the few of the JVM and the embedded servers' launchers
 * @param benchCpuNanos the bench's threads: load generators, Kafka consumers, warehouse pollers
 * @param mariaDbCpuNanos the MariaDB server process
 * @param postgresCpuNanos the PostgreSQL server's processes
 * @param machineBusyNanos every process of the machine, these and all others
 */
record ResourceUsage(long wallNanos, long processCpuNanos, long brokerCpuNanos, long benchCpuNanos,
        long mariaDbCpuNanos, long postgresCpuNanos, long machineBusyNanos) {

    ResourceUsage since(ResourceUsage earlier) {
        return new ResourceUsage(wallNanos - earlier.wallNanos, processCpuNanos - earlier.processCpuNanos,
                brokerCpuNanos - earlier.brokerCpuNanos, benchCpuNanos - earlier.benchCpuNanos,
                mariaDbCpuNanos - earlier.mariaDbCpuNanos, postgresCpuNanos - earlier.postgresCpuNanos,
                machineBusyNanos - earlier.machineBusyNanos);
    }

    /** CPU time of processes that are not the bench's: other work on the machine, the noise in a phase's figures. */
    long otherProcessesCpuNanos() {
        return Math.max(0, machineBusyNanos - processCpuNanos - mariaDbCpuNanos - postgresCpuNanos);
    }

    /** This JVM without the broker's and the bench's threads: Flink with its sources and sinks, GC and JIT. */
    long flinkCpuNanos() {
        return Math.max(0, processCpuNanos - brokerCpuNanos - benchCpuNanos);
    }

    /** The CPU figures of a phase, for the table and results.csv. */
    List<Figure> figures(String phase) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure(phase, "flink_jvm_cpu_s", seconds(flinkCpuNanos()), "s",
                "this JVM minus the broker's and the bench's threads"));
        figures.add(new Figure(phase, "broker_cpu_s", seconds(brokerCpuNanos), "s", "Kafka broker threads (same JVM)"));
        figures.add(new Figure(phase, "bench_threads_cpu_s", seconds(benchCpuNanos), "s",
                "load generator, consumers, pollers (same JVM, not counted above)"));
        figures.add(new Figure(phase, "mariadb_cpu_s", seconds(mariaDbCpuNanos), "s", "source server process"));
        figures.add(new Figure(phase, "postgres_cpu_s", seconds(postgresCpuNanos), "s", "warehouse server processes"));
        figures.add(new Figure(phase, "machine_busy", busyShare(), "%",
                "this JVM and both servers over wall time x " + Runtime.getRuntime().availableProcessors() + " cores"));
        figures.add(new Figure(phase, "other_processes_cpu_s", seconds(otherProcessesCpuNanos()), "s",
                "CPU of everything else on the machine in the same time: noise"));
        return figures;
    }

    /** How busy the machine's cores were with the pipeline, the servers and the bench. */
    double busyShare() {
        if (wallNanos <= 0) {
            return 0;
        }
        double used = processCpuNanos + mariaDbCpuNanos + postgresCpuNanos;
        return 100.0 * used / ((double) wallNanos * Runtime.getRuntime().availableProcessors());
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
