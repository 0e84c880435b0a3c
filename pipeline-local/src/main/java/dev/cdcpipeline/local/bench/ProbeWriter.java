package dev.cdcpipeline.local.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes a latency probe at a steady pace: one row of {@code bench.latency_probe} per statement,
 * committed on its own. The row carries its commit time ({@code committed_at}, the server's clock
 * at the statement, which commits with it), so whoever sees the row knows how long it took.
 */
final class ProbeWriter implements AutoCloseable {

    static final String INSERT_PROBE = "INSERT INTO " + OrdersTableLoader.PROBE_DATABASE + "." + OrdersTableLoader.PROBE_TABLE
            + " () VALUES ()";

    /** Probe id by the client's clock when its commit returned, to pick the probes of a window. */
    private final Map<Long, Long> committedAtById = new ConcurrentSkipListMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;

    private ProbeWriter(BenchThreads threads, BenchServers servers, Duration every) {
        this.thread = threads.start("probe-writer", () -> write(servers, every));
    }

    static ProbeWriter start(BenchThreads threads, BenchServers servers, Duration every) {
        return new ProbeWriter(threads, servers, every);
    }

    private void write(BenchServers servers, Duration every) {
        try (Connection connection = servers.sourceApplication(); Statement insert = connection.createStatement()) {
            long next = System.nanoTime();
            while (running.get()) {
                insert.executeUpdate(INSERT_PROBE, Statement.RETURN_GENERATED_KEYS);
                long committed = System.currentTimeMillis();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    committedAtById.put(keys.getLong(1), committed);
                }
                next += every.toNanos();
                long ahead = next - System.nanoTime();
                if (ahead > 0) {
                    // Pacing, not waiting for a condition.
                    LockSupport.parkNanos(ahead);
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** The probes whose commit returned within [from, to] (epoch milliseconds). */
    List<Long> idsCommittedBetween(long fromMillis, long toMillis) {
        return committedAtById.entrySet().stream()
                .filter(entry -> entry.getValue() >= fromMillis && entry.getValue() <= toMillis)
                .map(Map.Entry::getKey)
                .toList();
    }

    void stop() throws InterruptedException {
        close();
        if (failure.get() != null) {
            throw new IllegalStateException("Writing latency probes failed: " + failure.get(), failure.get());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
