package dev.cdcpipeline.source.postgres;

import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.source.SourceUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops what a retired pipeline leaves on a PostgreSQL source: its replication slot, which
 * otherwise keeps every WAL segment from its position on, and its publication.
 */
public final class PostgresCleanup {

    private PostgresCleanup() {}

    /** Returns what it dropped, for the user; refuses while a job still reads the slot. */
    public static List<String> dropSlotAndPublication(PostgresSourceSettings source) {
        List<String> dropped = new ArrayList<>();
        try (Connection connection = PostgresConnections.open(source)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT active, active_pid FROM pg_replication_slots WHERE slot_name = ?")) {
                statement.setString(1, source.slotName());
                try (ResultSet row = statement.executeQuery()) {
                    if (row.next()) {
                        if (row.getBoolean(1)) {
                            throw new SourceUnavailableException("The replication slot '" + source.slotName()
                                    + "' is in use (pid " + row.getInt(2) + "): stop the pipeline's job first");
                        }
                        try (PreparedStatement drop = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                            drop.setString(1, source.slotName());
                            drop.execute();
                        }
                        dropped.add("replication slot " + source.slotName());
                    }
                }
            }
            if (publicationExists(connection, source.publicationName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP PUBLICATION " + PostgresCatalog.quote(source.publicationName()));
                }
                dropped.add("publication " + source.publicationName());
            }
        } catch (SQLException e) {
            throw new SourceUnavailableException("Cannot clean up the " + source.describe() + ": " + e.getMessage(), e);
        }
        return dropped;
    }

    static boolean publicationExists(Connection connection, String publication) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
            statement.setString(1, publication);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }
}
