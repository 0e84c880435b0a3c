package dev.cdcpipeline.local.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How far a mirror has filled its warehouse table, read by the bench's driving thread through one
 * connection of its own. Counting scans the table, so it is asked for sparingly; the newest row
 * comes from the primary key index.
 */
final class WarehouseTableProgress implements AutoCloseable {

    /** The row with the highest id and the source commit time it carries ({@code updated_at}). */
    record NewestRow(long id, long commitMillis) {}

    private final Connection connection;
    private final PreparedStatement count;
    private final PreparedStatement newest;

    /** @param qualifiedTable the table, its name quoted as needed */
    WarehouseTableProgress(BenchServers servers, String qualifiedTable) throws SQLException {
        this.connection = servers.warehouse();
        this.count = connection.prepareStatement("SELECT count(*) FROM " + qualifiedTable);
        this.newest = connection.prepareStatement("SELECT id, updated_at FROM " + qualifiedTable + " ORDER BY id DESC LIMIT 1");
    }

    long count() throws SQLException {
        try (ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    Optional<NewestRow> newestRow() throws SQLException {
        try (ResultSet result = newest.executeQuery()) {
            if (!result.next()) {
                return Optional.empty();
            }
            OffsetDateTime commitTime = result.getObject(2, OffsetDateTime.class);
            return Optional.of(new NewestRow(result.getLong(1), commitTime.toInstant().toEpochMilli()));
        }
    }

    /**
     * How far the table is behind the source: now minus the commit time of its newest row, 0 when
     * it has none. A row committed while the query runs can be newer than "now": that is no lag.
     */
    long lagMillis() throws SQLException {
        long asked = System.currentTimeMillis();
        return newestRow().map(row -> Math.max(0, asked - row.commitMillis())).orElse(0L);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
