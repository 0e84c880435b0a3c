package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.SourceConnectors;
import dev.cdcpipeline.source.SourceUnavailableException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a captured table as its source database has it now: columns and types through the same
 * catalog code that described it before the job started, plus the defaults and column ids a
 * warehouse table needs to follow it.
 */
final class SourceSchemaReader {

    private static final String MYSQL_DEFAULTS = "SELECT COLUMN_NAME, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    /** Generated columns keep their expression in pg_attrdef too: they have no default. */
    private static final String POSTGRES_COLUMNS = "SELECT a.attname, a.attnum,"
            + " CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END"
            + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped";

    private SourceSchemaReader() {}

    static SourceSchema read(SourceSettings source, TableId table) {
        SourceTable described = SourceConnectors.describeTables(source).stream()
                .filter(candidate -> candidate.id().equals(table)).findFirst()
                .orElseThrow(() -> new SourceUnavailableException("Table " + table + " is no longer among the tables of the "
                        + source.describe() + " (dropped or renamed?): the pipeline cannot follow its schema"));
        Map<String, String> defaults = new HashMap<>();
        Map<String, Integer> columnIds = new HashMap<>();
        try (Connection connection = SourceConnectors.openConnection(source)) {
            if (source instanceof PostgresSourceSettings) {
                readPostgres(connection, table, defaults, columnIds);
            } else {
                readMySql(connection, table, defaults);
            }
        } catch (SQLException e) {
            throw new SourceUnavailableException("Cannot read the column defaults of " + table + " from the "
                    + source.describe() + ": " + e.getMessage(), e);
        }
        return new SourceSchema(described, defaults, columnIds);
    }

    private static void readMySql(Connection connection, TableId table, Map<String, String> defaults) throws SQLException {
        boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        try (PreparedStatement statement = connection.prepareStatement(MYSQL_DEFAULTS)) {
            statement.setString(1, table.database());
            statement.setString(2, table.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    String extra = rows.getString(3);
                    boolean generated = extra != null && extra.toUpperCase(Locale.ROOT).contains("GENERATED");
                    Optional<String> literal = generated ? Optional.empty()
                            : mariaDb ? ConstantDefaults.mariaDb(rows.getString(2)) : ConstantDefaults.mySql(rows.getString(2), extra);
                    literal.ifPresent(text -> defaults.put(name, text));
                }
            }
        }
    }

    /** The attnum of each column of a PostgreSQL table, which a rename keeps. */
    static Map<String, Integer> postgresColumnIds(Connection connection, TableId table) throws SQLException {
        Map<String, Integer> columnIds = new HashMap<>();
        readPostgres(connection, table, new HashMap<>(), columnIds);
        return columnIds;
    }

    private static void readPostgres(Connection connection, TableId table, Map<String, String> defaults,
            Map<String, Integer> columnIds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(POSTGRES_COLUMNS)) {
            statement.setString(1, SqlIdentifiers.quote(table.database()) + "." + SqlIdentifiers.quote(table.table()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    columnIds.put(name, rows.getInt(2));
                    ConstantDefaults.postgres(rows.getString(3)).ifPresent(literal -> defaults.put(name, literal));
                }
            }
        }
    }
}
