package dev.cdcpipeline.local.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls the warehouse's probe table for new rows and takes the latency of each: the time it was
 * first found there minus its commit time. Polling every 10 ms adds up to 10 ms (5 ms on average)
 * plus the query's own time to each sample.
 *
 * <p>The sink's subtasks write independently, so a probe can become visible after one with a
 * higher id: each poll asks for everything above the highest id below which every probe was seen
 * (the probes' ids follow each other), not just above the highest id seen.
 */
final class WarehouseProbePoller implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(10);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;

    private WarehouseProbePoller(BenchThreads threads, BenchServers servers, String table, ProbeSightings sightings) {
        this.thread = threads.start("warehouse-probes", () -> poll(servers, table, sightings));
    }

    /** @param table the warehouse's probe table, quoted */
    static WarehouseProbePoller start(BenchThreads threads, BenchServers servers, String table, ProbeSightings sightings) {
        return new WarehouseProbePoller(threads, servers, table, sightings);
    }

    private void poll(BenchServers servers, String table, ProbeSightings sightings) {
        try (Connection connection = servers.warehouse();
                PreparedStatement newRows = connection.prepareStatement(
                        "SELECT id, committed_at FROM " + table + " WHERE id > ? ORDER BY id")) {
            SeenIds seen = new SeenIds();
            while (running.get()) {
                newRows.setLong(1, seen.allSeenUpTo());
                try (ResultSet rows = newRows.executeQuery()) {
                    long seenAt = System.currentTimeMillis();
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        if (seen.add(id)) {
                            long committedAt = rows.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli();
                            sightings.seen(id, seenAt - committedAt);
                        }
                    }
                }
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The ids seen so far: every id up to a watermark, and the ones above it. The first id seen
     * starts the range: the probes written before the pipeline captured anything never arrive.
     */
    static final class SeenIds {
        private final TreeSet<Long> aboveWatermark = new TreeSet<>();
        private long watermark = -1;

        /** @return whether the id is new */
        boolean add(long id) {
            if (watermark < 0) {
                watermark = id;
                return true;
            }
            if (id <= watermark || !aboveWatermark.add(id)) {
                return false;
            }
            while (!aboveWatermark.isEmpty() && aboveWatermark.first() == watermark + 1) {
                watermark = aboveWatermark.pollFirst();
            }
            return true;
        }

        /** Every id up to this one was seen (0 before the first). */
        long allSeenUpTo() {
            return Math.max(0, watermark);
        }
    }

    void check() {
        if (failure.get() != null) {
            throw new IllegalStateException("Polling the warehouse's probes failed: " + failure.get(), failure.get());
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
