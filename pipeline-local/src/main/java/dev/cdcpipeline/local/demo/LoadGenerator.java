package dev.cdcpipeline.local.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Keeps changing the shop at a steady rate, as its application would: new orders, order updates,
 * cancellations, new and changed customers, stock changes. Runs on its own thread until stopped.
 * When the database goes away (a restart), it reconnects and goes on, as an application's
 * connection pool would; any other failed statement stops it and is reported by {@link #stop()}.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(200);

    private final Supplier<Connection> connections;
    private final long seed;
    private final double changesPerSecond;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong rowsChanged = new AtomicLong();
    private final AtomicLong connectionLosses = new AtomicLong();
    private final Thread thread;
    private volatile Exception failure;

    private LoadGenerator(Supplier<Connection> connections, long seed, double changesPerSecond) {
        this.connections = connections;
        this.seed = seed;
        this.changesPerSecond = changesPerSecond;
        this.thread = new Thread(this::run, "shop-load-generator");
        this.thread.setDaemon(true);
    }

    /** Starts changing rows that {@link DemoShop#createAndSeed} created with the same connection source. */
    public static LoadGenerator start(Supplier<Connection> connections, long seed, double changesPerSecond) {
        LoadGenerator generator = new LoadGenerator(connections, seed, changesPerSecond);
        generator.thread.start();
        return generator;
    }

    public long committedChanges() {
        return committed.get();
    }

    /**
     * Rows the committed statements really changed: each is one row event in the binlog, so one
     * change record in the topics. An update that sets the values a row already has changes none.
     */
    public long rowsChanged() {
        return rowsChanged.get();
    }

    /**
     * How often the connection broke under a statement. Such a statement may or may not have
     * committed, so {@link #rowsChanged()} is exact only while this is 0.
     */
    public long connectionLosses() {
        return connectionLosses.get();
    }

    /** Stops after the statement under way and returns the number of committed changes. */
    public long stop() throws Exception {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (failure != null) {
            throw new IllegalStateException("The load generator failed: " + failure.getMessage(), failure);
        }
        return committed.get();
    }

    @Override
    public void close() throws Exception {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }

    private void run() {
        Random random = new Random(seed);
        try {
            while (running.get()) {
                try (Connection connection = connectWhenReachable()) {
                    if (connection == null) {
                        return;
                    }
                    changeUntilStoppedOrDisconnected(ShopData.resume(connection, random));
                } catch (SQLException e) {
                    if (!isConnectionLoss(e)) {
                        throw e;
                    }
                    connectionLosses.incrementAndGet();
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private void changeUntilStoppedOrDisconnected(ShopData shop) throws SQLException {
        long intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / changesPerSecond);
        long next = System.nanoTime();
        while (running.get()) {
            rowsChanged.addAndGet(change(shop));
            committed.incrementAndGet();
            next += intervalNanos;
            long ahead = next - System.nanoTime();
            if (ahead > 0) {
                // Pacing to the configured rate, not waiting for a condition.
                LockSupport.parkNanos(ahead);
            }
        }
    }

    /** A new connection, retried while the database is unreachable; null once stopped. */
    private Connection connectWhenReachable() {
        while (running.get()) {
            try {
                return connections.get();
            } catch (RuntimeException e) {
                if (!(e.getCause() instanceof SQLException sqlException) || !isConnectionLoss(sqlException)) {
                    throw e;
                }
                // The database is restarting: try again shortly, as a connection pool would.
                LockSupport.parkNanos(RECONNECT_PAUSE.toNanos());
            }
        }
        return null;
    }

    /** SQL state class 08 is "connection exception": the server went away, not the statement's fault. */
    private static boolean isConnectionLoss(SQLException e) {
        // 70100: MariaDB killed the connection while shutting down.
        return e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().equals("70100"));
    }

    /** One change of the shop, as an application would make it; returns the rows it changed. */
    private static int change(ShopData shop) throws SQLException {
        int dice = shop.roll(100);
        if (dice < 35) {
            shop.insertOrder();
            return 1;
        } else if (dice < 65) {
            return shop.updateOrder();
        } else if (dice < 75) {
            return shop.deleteOrder();
        } else if (dice < 83) {
            shop.insertCustomer();
            return 1;
        } else if (dice < 92) {
            return shop.updateCustomer();
        } else if (dice < 98) {
            return shop.updateProduct();
        }
        return shop.deleteCustomer();
    }
}
