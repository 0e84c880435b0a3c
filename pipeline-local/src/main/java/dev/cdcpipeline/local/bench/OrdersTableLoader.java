package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.local.demo.ShopSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates the demo shop's tables (the peer's SQL script reads all three) with an empty
 * {@code customers} and {@code products}, fills {@code shop.orders} with the snapshot's rows, and
 * creates {@code bench.latency_probe}, the table whose rows time the way to each sink.
 */
final class OrdersTableLoader {

    static final String PROBE_TABLE = "latency_probe";
    static final String PROBE_DATABASE = "bench";
    private static final String CREATE_PROBE_TABLE = "CREATE TABLE bench.latency_probe ("
            + " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            + " committed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))";
    /** 1,000 rows of 7 values per statement: well under the driver's 65,535 parameters and the server's packet limit. */
    private static final int ROWS_PER_STATEMENT = 1_000;
    private static final int STATEMENTS_PER_COMMIT = 50;
    private static final int LOADER_THREADS = 2;

    private final BenchServers servers;
    private final BenchThreads threads;

    OrdersTableLoader(BenchServers servers, BenchThreads threads) {
        this.servers = servers;
        this.threads = threads;
    }

    void createTables() throws SQLException {
        try (Connection connection = servers.sourceApplication(); Statement statement = connection.createStatement()) {
            for (String ddl : ShopSchema.CREATE.split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
            statement.execute("CREATE DATABASE " + PROBE_DATABASE);
            statement.execute(CREATE_PROBE_TABLE);
        }
    }

    /** Inserts {@code rows} orders with several connections at once; returns the rows per second it took. */
    double load(long rows, long seed) throws Exception {
        long started = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> loaders = new ArrayList<>();
        for (int i = 0; i < LOADER_THREADS; i++) {
            long share = rows / LOADER_THREADS + (i < rows % LOADER_THREADS ? 1 : 0);
            long threadSeed = OrderRows.seedFor(seed, i);
            loaders.add(threads.start("loader-" + i, () -> {
                try {
                    insert(share, threadSeed);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread loader : loaders) {
            loader.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private void insert(long rows, long seed) throws SQLException {
        OrderRows values = new OrderRows(seed);
        try (Connection connection = servers.sourceApplication()) {
            try (Statement statement = connection.createStatement()) {
                // The snapshot reads the table, not the binlog: loading it without binlog events
                // halves the load time and the disk it takes. Changes made later are logged as usual.
                statement.execute("SET SESSION sql_log_bin = 0");
            }
            connection.setAutoCommit(false);
            long fullStatements = rows / ROWS_PER_STATEMENT;
            try (PreparedStatement insert = connection.prepareStatement(OrderRows.multiRowInsert(ROWS_PER_STATEMENT))) {
                for (long done = 0; done < fullStatements; done++) {
                    insertRows(insert, values, ROWS_PER_STATEMENT);
                    if ((done + 1) % STATEMENTS_PER_COMMIT == 0) {
                        connection.commit();
                    }
                }
            }
            int rest = (int) (rows % ROWS_PER_STATEMENT);
            if (rest > 0) {
                try (PreparedStatement insert = connection.prepareStatement(OrderRows.multiRowInsert(rest))) {
                    insertRows(insert, values, rest);
                }
            }
            connection.commit();
        }
    }

    private static void insertRows(PreparedStatement insert, OrderRows values, int rows) throws SQLException {
        for (int row = 0; row < rows; row++) {
            values.bind(insert, 1 + row * OrderRows.COLUMN_COUNT);
        }
        insert.executeUpdate();
    }
}
