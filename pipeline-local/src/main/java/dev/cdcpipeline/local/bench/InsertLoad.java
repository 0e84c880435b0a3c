package dev.cdcpipeline.local.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * New orders, as an application inserts them: single-row INSERT statements, a fixed number per
 * transaction, from several connections at once; as fast as the database commits them, or paced
 * to a fixed rate. Each inserted row is one binlog row event, one change for the pipeline.
 */
final class InsertLoad implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong committedRows = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final List<Thread> writers = new ArrayList<>();

    private InsertLoad() {}

    /**
     * @param rowsPerSecond the rate over all connections; 0 for as fast as the database commits
     */
    static InsertLoad start(BenchThreads threads, BenchServers servers, int connections, int rowsPerTransaction,
            double rowsPerSecond, long seed) {
        InsertLoad load = new InsertLoad();
        long transactionNanos = rowsPerSecond <= 0 ? 0
                : (long) (TimeUnit.SECONDS.toNanos(1) * rowsPerTransaction * connections / rowsPerSecond);
        for (int i = 0; i < connections; i++) {
            long writerSeed = OrderRows.seedFor(seed, i);
            load.writers.add(threads.start("insert-load-" + i,
                    () -> load.write(servers, rowsPerTransaction, transactionNanos, writerSeed)));
        }
        return load;
    }

    private void write(BenchServers servers, int rowsPerTransaction, long transactionNanos, long seed) {
        OrderRows rows = new OrderRows(seed);
        try (Connection connection = servers.sourceApplication();
                PreparedStatement insert = connection.prepareStatement(OrderRows.SINGLE_ROW_INSERT)) {
            connection.setAutoCommit(false);
            long next = System.nanoTime();
            while (running.get()) {
                for (int row = 0; row < rowsPerTransaction; row++) {
                    rows.bind(insert, 1);
                    insert.executeUpdate();
                }
                connection.commit();
                committedRows.addAndGet(rowsPerTransaction);
                if (transactionNanos > 0) {
                    next += transactionNanos;
                    long ahead = next - System.nanoTime();
                    if (ahead > 0) {
                        // Pacing to the fixed rate, not waiting for a condition.
                        LockSupport.parkNanos(ahead);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    long committedRows() {
        return committedRows.get();
    }

    /** @throws IllegalStateException if a writer failed */
    void check() {
        if (failure.get() != null) {
            throw new IllegalStateException("The insert load failed: " + failure.get(), failure.get());
        }
    }

    /** Stops after each writer's transaction under way; returns the committed rows. */
    long stop() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        check();
        return committedRows.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
