package dev.cdcpipeline.local.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The physical reference for the snapshot: a plain JDBC read of the whole table that does nothing
 * with the rows, as the CDC user, with the fastest read MySQL Connector/J has: a streaming result
 * set ({@code fetchSize = Integer.MIN_VALUE}, rows come as the server sends them, no cursor round
 * trips; shared STACK.md: 943k rows/s against 495k with {@code useCursorFetch}). One read warms the
 * server's buffer pool and the JIT, then the median of three.
 */
final class RawReadMeasurement {

    static final String PHASE = "raw_jdbc_read";
    private static final int TIMED_READS = 3;

    private final BenchServers servers;
    private final ResourceMeter meter;

    RawReadMeasurement(BenchServers servers, ResourceMeter meter) {
        this.servers = servers;
        this.meter = meter;
    }

    /** @param rows the table's rows, checked against what each read returns */
    Result run(long rows) throws SQLException {
        read(rows);
        List<Double> rates = new ArrayList<>();
        ResourceUsage before = meter.read();
        for (int i = 0; i < TIMED_READS; i++) {
            long started = System.nanoTime();
            read(rows);
            rates.add(rows / ((System.nanoTime() - started) / 1e9));
        }
        ResourceUsage used = meter.read().since(before);
        List<Double> sorted = rates.stream().sorted().toList();
        return new Result(sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), rows * TIMED_READS, used);
    }

    private void read(long expectedRows) throws SQLException {
        long count = 0;
        try (Connection connection = servers.sourceCdcUser();
                Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Integer.MIN_VALUE);
            try (ResultSet result = statement.executeQuery("SELECT * FROM shop.orders")) {
                while (result.next()) {
                    count++;
                }
            }
        }
        if (count != expectedRows) {
            throw new IllegalStateException("The plain read returned " + count + " rows, the table has " + expectedRows);
        }
    }

    /**
     * @param rowsPerSecond the median of the timed reads
     * @param rowsRead by the timed reads together, for the CPU per row
     */
    record Result(double rowsPerSecond, double slowest, double fastest, long rowsRead, ResourceUsage used) {

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure(PHASE, "rows_per_s", rowsPerSecond, "rows/s",
                    "median of " + TIMED_READS + " streaming reads (fetchSize=Integer.MIN_VALUE), after one warm-up read"));
            figures.add(new Figure(PHASE, "rows_per_s_range_low", slowest, "rows/s"));
            figures.add(new Figure(PHASE, "rows_per_s_range_high", fastest, "rows/s"));
            figures.add(new Figure(PHASE, "reader_cpu_s_per_million_rows", perMillion(used.benchCpuNanos()), "s",
                    "the reading thread (client side)"));
            figures.add(new Figure(PHASE, "mariadb_cpu_s_per_million_rows", perMillion(used.mariaDbCpuNanos()), "s"));
            return figures;
        }

        private double perMillion(long nanos) {
            return nanos / 1e9 / rowsRead * 1e6;
        }
    }
}
