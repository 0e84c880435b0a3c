package dev.cdcpipeline.source.postgres;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.config.PostgresSourceSettings;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Passes changes through unchanged and reports, as the gauge {@code walRetainedBytes} of the
 * metric group {@code source.<name>}, how much WAL the source's replication slot keeps on the
 * server: it grows while the pipeline is behind or stopped, and fills the server's disk if a slot
 * is forgotten. Only the first subtask reports it (one slot, one value); the server is asked at
 * most every {@link #REFRESH_MILLIS}, on the metric reporter's thread, never per record.
 */
public class WalRetentionMonitor extends RichMapFunction<ChangeEvent, ChangeEvent> {

    private static final long serialVersionUID = 1L;

    public static final String GAUGE = "walRetainedBytes";
    static final long REFRESH_MILLIS = 10_000;
    private static final String RETAINED_BYTES =
            "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?";

    private final PostgresSourceSettings source;

    private transient Connection connection;
    private transient long lastValue = -1;
    private transient long lastRefresh;

    public WalRetentionMonitor(PostgresSourceSettings source) {
        this.source = source;
    }

    @Override
    public void open(Configuration parameters) {
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            getRuntimeContext().getMetricGroup().addGroup("source", source.name()).gauge(GAUGE, this::retainedBytes);
        }
    }

    @Override
    public ChangeEvent map(ChangeEvent change) {
        return change;
    }

    /** The WAL bytes the slot retains, -1 while unknown (no slot yet, or the server unreachable). */
    synchronized long retainedBytes() {
        long now = System.currentTimeMillis();
        if (now - lastRefresh >= REFRESH_MILLIS) {
            lastRefresh = now;
            lastValue = query();
        }
        return lastValue;
    }

    private long query() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = PostgresConnections.open(source);
            }
            try (PreparedStatement statement = connection.prepareStatement(RETAINED_BYTES)) {
                statement.setString(1, source.slotName());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getLong(1) : -1;
                }
            }
        } catch (SQLException e) {
            closeConnection();
            return -1;
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // Closing a broken connection: nothing left to release.
        }
        connection = null;
    }
}
