package dev.cdcpipeline.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The source database's own commit rate with no pipeline attached: the insert load of the
 * streaming measurement, as fast as MariaDB commits it. The streaming rates are read against it.
 */
final class CommitRateMeasurement {

    static final String PHASE = "source_commit_rate";
    /** Two connections (one per core) of 100 single-row INSERTs per transaction, as in the baseline of shared STACK.md. */
    static final int CONNECTIONS = 2;
    static final int ROWS_PER_TRANSACTION = 100;

    private final BenchServers servers;
    private final BenchThreads threads;
    private final ResourceMeter meter;

    CommitRateMeasurement(BenchServers servers, BenchThreads threads, ResourceMeter meter) {
        this.servers = servers;
        this.threads = threads;
        this.meter = meter;
    }

    Result run(Duration warmUp, Duration window, long seed) throws Exception {
        TimeSeries rate = TimeSeries.of("streaming", "database alone: commits");
        try (InsertLoad load = InsertLoad.start(threads, servers, CONNECTIONS, ROWS_PER_TRANSACTION, 0, seed)) {
            TimeUnit.MILLISECONDS.sleep(warmUp.toMillis());
            long startRows = load.committedRows();
            ResourceUsage before = meter.read();
            long previous = startRows;
            for (long second = 1; second <= window.toSeconds(); second++) {
                TimeUnit.SECONDS.sleep(1);
                load.check();
                long now = load.committedRows();
                rate.add(second, now - previous);
                previous = now;
            }
            ResourceUsage used = meter.read().since(before);
            long rows = load.committedRows() - startRows;
            load.stop();
            return new Result(rows / (used.wallNanos() / 1e9), used, rate);
        }
    }

    record Result(double rowsPerSecond, ResourceUsage used, TimeSeries rate) {

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure(PHASE, "commits_per_s", rowsPerSecond, "rows/s",
                    CONNECTIONS + " connections, single-row INSERTs, " + ROWS_PER_TRANSACTION + " per transaction, no pipeline"));
            figures.add(new Figure(PHASE, "mariadb_cpu_us_per_row", used.mariaDbCpuNanos() / 1e3 / (rowsPerSecond * used.wallNanos() / 1e9),
                    "us"));
            figures.add(new Figure(PHASE, "client_cpu_us_per_row", used.benchCpuNanos() / 1e3 / (rowsPerSecond * used.wallNanos() / 1e9),
                    "us", "the load generator's JDBC threads"));
            figures.add(new Figure(PHASE, "machine_busy", used.busyShare(), "%"));
            return figures;
        }
    }
}
