package dev.cdcpipeline.source.postgres;

import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.SourceUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Prepares a PostgreSQL source for logical decoding before the job starts, each step idempotent:
 *
 * <ul>
 *   <li>the pipeline's replication slot must not be in use by another process (two readers of one
 *       slot would each miss what the other confirmed); the source creates the slot itself;
 *   <li>the pipeline's own publication lists exactly the captured tables (created, or its table
 *       list brought up to date): a shared publication would publish other pipelines' tables too;
 *   <li>every captured table has {@code REPLICA IDENTITY FULL}, so updates and deletes carry the
 *       whole row as it was, not only its key.
 * </ul>
 */
public final class PostgresReplicationSetup {

    private static final String SLOT_IN_USE =
            "SELECT active_pid FROM pg_replication_slots WHERE slot_name = ? AND active";
    private static final String REPLICA_IDENTITY = "SELECT relreplident FROM pg_class WHERE oid = to_regclass(?)";

    private PostgresReplicationSetup() {}

    public static void prepare(PostgresSourceSettings source, List<SourceTable> tables) {
        try (Connection connection = PostgresConnections.open(source)) {
            requireSlotNotInUse(connection, source);
            List<String> qualifiedTables = tables.stream()
                    .map(table -> PostgresCatalog.quote(table.id().database()) + "." + PostgresCatalog.quote(table.id().table()))
                    .toList();
            for (String table : qualifiedTables) {
                requireFullReplicaIdentity(connection, table);
            }
            upsertPublication(connection, source, String.join(", ", qualifiedTables));
        } catch (SQLException e) {
            throw new SourceUnavailableException("Cannot prepare the " + source.describe() + " for capture as user '"
                    + source.username() + "': " + e.getMessage() + ". The user needs REPLICATION, CREATE on database "
                    + source.database() + " and to own the captured tables (or an administrator runs: CREATE PUBLICATION "
                    + source.publicationName() + " FOR TABLE ...; ALTER TABLE ... REPLICA IDENTITY FULL)", e);
        }
    }

    private static void requireSlotNotInUse(Connection connection, PostgresSourceSettings source) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SLOT_IN_USE)) {
            statement.setString(1, source.slotName());
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    throw new SourceUnavailableException("The replication slot '" + source.slotName() + "' of the "
                            + source.describe() + " is in use by another process (pid " + row.getInt(1) + "): another"
                            + " job reads it. Stop that job, or give this pipeline its own slot-name");
                }
            }
        }
    }

    private static void requireFullReplicaIdentity(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(REPLICA_IDENTITY)) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next() && "f".equals(row.getString(1))) {
                    return;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " REPLICA IDENTITY FULL");
        }
    }

    private static void upsertPublication(Connection connection, PostgresSourceSettings source, String tableList)
            throws SQLException {
        boolean exists = PostgresCleanup.publicationExists(connection, source.publicationName());
        String publication = PostgresCatalog.quote(source.publicationName());
        try (Statement statement = connection.createStatement()) {
            statement.execute(exists
                    ? "ALTER PUBLICATION " + publication + " SET TABLE " + tableList
                    : "CREATE PUBLICATION " + publication + " FOR TABLE " + tableList);
        }
    }
}
