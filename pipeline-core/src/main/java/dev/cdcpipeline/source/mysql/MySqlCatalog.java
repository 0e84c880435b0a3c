package dev.cdcpipeline.source.mysql;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.MySqlSourceSettings;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.SourceUnavailableException;
import dev.cdcpipeline.source.TableMatching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the source tables a pipeline captures and reads their schemas from
 * {@code information_schema}, before the job starts: a pattern that matches nothing, a table
 * without a primary key or a column type we cannot carry exactly is a clear error now rather
 * than a failing job later.
 */
public final class MySqlCatalog {

    private static final String BASE_TABLES =
            "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
                    + " AND TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')"
                    + " ORDER BY TABLE_SCHEMA, TABLE_NAME";
    private static final String COLUMNS =
            "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION,"
                    + " NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    /** MariaDB has no JSON type: a JSON column is LONGTEXT with a json_valid() check. */
    private static final String MARIADB_JSON_CHECKS =
            "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?";
    private static final Pattern JSON_VALID_CHECK = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)", Pattern.CASE_INSENSITIVE);
    private static final String PRIMARY_KEY =
            "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ?"
                    + " AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION";

    /** The types the change model carries exactly; see {@link dev.cdcpipeline.change.RowValues}. */
    static final Set<String> SUPPORTED_TYPES =
            Set.of(
                    "tinyint", "smallint", "mediumint", "int", "integer", "bigint",
                    "decimal", "numeric", "float", "double", "real", "bit", "bool", "boolean",
                    "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set",
                    "json", "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob",
                    "date", "datetime", "timestamp", "time", "year");

    private MySqlCatalog() {}

    public static List<SourceTable> discover(MySqlSourceSettings source) {
        try (Connection connection = MySqlConnections.open(source)) {
            boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().toLowerCase().contains("mariadb");
            List<TableId> matched = matchingTables(connection, source);
            List<SourceTable> tables = new ArrayList<>();
            for (TableId table : matched) {
                tables.add(describe(connection, table, mariaDb ? mariaDbJsonColumns(connection, table) : Set.of()));
            }
            return tables;
        } catch (SQLException e) {
            throw new SourceUnavailableException(
                    "Cannot read the table list of the " + source.describe() + ": " + e.getMessage(), e);
        }
    }

    private static List<TableId> matchingTables(Connection connection, MySqlSourceSettings source)
            throws SQLException {
        List<TableId> all = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(BASE_TABLES);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                all.add(new TableId(source.name(), rows.getString(1), rows.getString(2)));
            }
        }
        return TableMatching.captured(source, all, "or the user lacks SELECT on it");
    }

    private static SourceTable describe(Connection connection, TableId table, Set<String> jsonColumns) throws SQLException {
        List<SourceColumn> columns = new ArrayList<>();
        forEachRowOf(connection, COLUMNS, table, row -> columns.add(column(table, row, jsonColumns)));
        List<String> primaryKey = new ArrayList<>();
        forEachRowOf(connection, PRIMARY_KEY, table, row -> primaryKey.add(row.getString(1)));
        if (primaryKey.isEmpty()) {
            throw new SourceUnavailableException(
                    "Table " + table + " has no primary key: the pipeline keys every change by it;"
                            + " add one or leave the table out of source.tables");
        }
        return new SourceTable(table, columns, primaryKey);
    }

    private static Set<String> mariaDbJsonColumns(Connection connection, TableId table) throws SQLException {
        Set<String> jsonColumns = new HashSet<>();
        forEachRowOf(connection, MARIADB_JSON_CHECKS, table, row -> {
            Matcher check = JSON_VALID_CHECK.matcher(row.getString(1));
            while (check.find()) {
                jsonColumns.add(check.group(1).replace("``", "`"));
            }
        });
        return jsonColumns;
    }

    /** Runs a query whose two parameters are a table's database and name. */
    private static void forEachRowOf(Connection connection, String query, TableId table, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, table.database());
            statement.setString(2, table.table());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    private static SourceColumn column(TableId table, ResultSet row, Set<String> jsonColumns) throws SQLException {
        String name = row.getString("COLUMN_NAME");
        String dataType = jsonColumns.contains(name) ? "json" : row.getString("DATA_TYPE").toLowerCase();
        if (!SUPPORTED_TYPES.contains(dataType)) {
            throw new SourceUnavailableException(
                    "Column " + table + "." + name + " has type " + dataType
                            + ", which the pipeline does not carry yet; leave the table out of source.tables");
        }
        String columnType = row.getString("COLUMN_TYPE").toLowerCase();
        return new SourceColumn(
                name,
                dataType,
                columnType.contains("unsigned"),
                row.getLong("CHARACTER_MAXIMUM_LENGTH"),
                row.getInt("NUMERIC_PRECISION"),
                row.getInt("NUMERIC_SCALE"),
                row.getInt("DATETIME_PRECISION"),
                "YES".equals(row.getString("IS_NULLABLE")),
                false);
    }
}
