package dev.cdcpipeline.local.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Counts the rows a snapshot has written into a warehouse table without scanning the whole table
 * at every poll. A plain {@code count(*)}, polled twice a second, scans a table that grows to
 * millions of rows: on this 2-core machine it took CPU from the mirror it measured (at 10M rows
 * more than the warehouse's inserts themselves), and the more, the longer the mirror took.
 *
 * <p>The ids are split into blocks of {@link #BLOCK_IDS}; the source says how many rows each
 * block holds. A snapshot only adds rows, so a block whose warehouse count has reached the
 * source's is complete for good and is not counted again. Each poll counts, by the primary key,
 * only the rows from the first incomplete block on: the few chunks the snapshot is writing.
 */
final class SnapshotRowCount implements AutoCloseable {

    static final long BLOCK_IDS = 10_000;

    private final Connection connection;
    private final PreparedStatement countByBlockFrom;
    /** Block number to the rows the source has in it, for the blocks not yet complete. */
    private final NavigableMap<Long, Long> incompleteBlocks;
    private long rowsInCompleteBlocks;

    /**
     * Counts {@code qualifiedTable}'s rows against {@code sourceBlocks} ({@link #sourceBlocks}),
     * through {@code warehouse}, a connection it takes over and closes.
     */
    SnapshotRowCount(Connection warehouse, String qualifiedTable, NavigableMap<Long, Long> sourceBlocks) throws SQLException {
        this.connection = warehouse;
        this.incompleteBlocks = new TreeMap<>(sourceBlocks);
        try (Statement statement = connection.createStatement()) {
            // The table grows faster than its statistics: a sequential scan chosen on stale ones would read it all.
            statement.execute("SET enable_seqscan = off");
        }
        this.countByBlockFrom = connection.prepareStatement("SELECT id / " + BLOCK_IDS + " AS block, count(*) FROM "
                + qualifiedTable + " WHERE id >= ? GROUP BY block");
    }

    /**
     * How many rows each block of ids of the source's {@code shop.orders} holds. Read it before the
     * measurement starts: it scans the source table.
     */
    static NavigableMap<Long, Long> sourceBlocks(BenchServers servers) throws SQLException {
        NavigableMap<Long, Long> blocks = new TreeMap<>();
        try (Connection source = servers.sourceApplication();
                Statement statement = source.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT id DIV " + BLOCK_IDS + " AS block, COUNT(*) FROM shop.orders GROUP BY block")) {
            while (result.next()) {
                blocks.put(result.getLong(1), result.getLong(2));
            }
        }
        return blocks;
    }

    /** The rows in the table now, as {@code count(*)} would say while the snapshot only adds rows. */
    long count() throws SQLException {
        if (incompleteBlocks.isEmpty()) {
            return rowsInCompleteBlocks;
        }
        long rowsInOtherBlocks = 0;
        countByBlockFrom.setLong(1, incompleteBlocks.firstKey() * BLOCK_IDS);
        try (ResultSet result = countByBlockFrom.executeQuery()) {
            while (result.next()) {
                long block = result.getLong(1);
                long rows = result.getLong(2);
                Long sourceRows = incompleteBlocks.get(block);
                if (sourceRows != null && rows >= sourceRows) {
                    incompleteBlocks.remove(block);
                    rowsInCompleteBlocks += rows;
                } else {
                    rowsInOtherBlocks += rows;
                }
            }
        }
        return rowsInCompleteBlocks + rowsInOtherBlocks;
    }

    /** The rows the source holds in all blocks: what {@link #count()} reaches when the snapshot is done. */
    static long total(Map<Long, Long> sourceBlocks) {
        return sourceBlocks.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
