package dev.cdcpipeline.source.postgres;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.SourceUnavailableException;
import dev.cdcpipeline.source.TableMatching;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables of a PostgreSQL source that its patterns match and reads their schemas from
 * the system catalog, before the job starts. The WAL level is checked first: without
 * {@code wal_level=logical} nothing can be captured.
 */
public final class PostgresCatalog {

    private static final String BASE_TABLES = "SELECT table_schema, table_name FROM information_schema.tables"
            + " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
            + " ORDER BY table_schema, table_name";
    private static final String COLUMNS = "SELECT a.attname, t.typname, format_type(a.atttypid, a.atttypmod),"
            + " NOT a.attnotnull, t.typtype, t.typcategory, e.typname, e.typtype"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type e ON e.oid = t.typelem"
            + " AND t.typcategory = 'A' WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"
            + " ORDER BY a.attnum";
    private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
            + " ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indrelid = to_regclass(?)"
            + " AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)";
    private static final Pattern TYPE_MODIFIERS = Pattern.compile("\\((\\d+)(?:,(\\d+))?\\)");

    /** PostgreSQL types by the change model's names for them (see {@link SourceColumn#dataType()}). */
    private static final Map<String, String> DATA_TYPES = Map.ofEntries(
            Map.entry("int2", "smallint"), Map.entry("int4", "int"), Map.entry("int8", "bigint"),
            Map.entry("numeric", "decimal"), Map.entry("float4", "float"), Map.entry("float8", "double"),
            Map.entry("bool", "boolean"), Map.entry("text", "text"), Map.entry("varchar", "varchar"),
            Map.entry("bpchar", "char"), Map.entry("date", "date"), Map.entry("timestamp", "datetime"),
            Map.entry("timestamptz", "timestamp"), Map.entry("time", "time"), Map.entry("uuid", "uuid"),
            Map.entry("json", "json"), Map.entry("jsonb", "json"), Map.entry("bytea", "blob"));

    private PostgresCatalog() {}

    public static List<SourceTable> discover(PostgresSourceSettings source) {
        try (Connection connection = PostgresConnections.open(source)) {
            requireLogicalWal(connection, source);
            List<SourceTable> tables = new ArrayList<>();
            for (TableId table : matchingTables(connection, source)) {
                tables.add(describe(connection, table));
            }
            return tables;
        } catch (SQLException e) {
            throw new SourceUnavailableException("Cannot read the tables of the " + source.describe() + " (database "
                    + source.database() + ") as user '" + source.username() + "': " + e.getMessage(), e);
        }
    }

    private static void requireLogicalWal(Connection connection, PostgresSourceSettings source) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SHOW wal_level")) {
            row.next();
            if (!"logical".equals(row.getString(1))) {
                throw new SourceUnavailableException("The " + source.describe() + " cannot be captured: wal_level is "
                        + row.getString(1) + ", CDC needs logical (set wal_level = logical and restart the server)");
            }
        }
    }

    private static List<TableId> matchingTables(Connection connection, PostgresSourceSettings source) throws SQLException {
        List<TableId> all = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(BASE_TABLES)) {
            while (rows.next()) {
                all.add(new TableId(source.name(), rows.getString(1), rows.getString(2)));
            }
        }
        return TableMatching.captured(source, all, "schema.table; or the user lacks access to it");
    }

    private static SourceTable describe(Connection connection, TableId table) throws SQLException {
        String regclass = quote(table.database()) + "." + quote(table.table());
        List<SourceColumn> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, regclass);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(column(table, rows));
                }
            }
        }
        List<String> primaryKey = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PRIMARY_KEY)) {
            statement.setString(1, regclass);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    primaryKey.add(rows.getString(1));
                }
            }
        }
        if (primaryKey.isEmpty()) {
            throw new SourceUnavailableException("Table " + table + " has no primary key: the pipeline keys every change"
                    + " by it; add one or leave the table out of the source's tables");
        }
        return new SourceTable(table, columns, primaryKey);
    }

    private static SourceColumn column(TableId table, ResultSet row) throws SQLException {
        String name = row.getString(1);
        boolean array = "A".equals(row.getString(6));
        String typeName = array ? row.getString(7) : row.getString(2);
        boolean enumType = "e".equals(array ? row.getString(8) : row.getString(5));
        String dataType = enumType ? "enum" : DATA_TYPES.get(typeName);
        if (dataType == null) {
            throw new SourceUnavailableException("Column " + table + "." + name + " has type " + row.getString(3)
                    + ", which the pipeline does not carry yet; leave the table out of the source's tables");
        }
        // The type modifiers as format_type prints them: varchar(50), numeric(10,2), timestamp(3).
        Matcher modifiers = TYPE_MODIFIERS.matcher(row.getString(3));
        boolean modified = modifiers.find();
        int first = modified ? Integer.parseInt(modifiers.group(1)) : 0;
        int second = modified && modifiers.group(2) != null ? Integer.parseInt(modifiers.group(2)) : 0;
        boolean temporal = dataType.equals("datetime") || dataType.equals("timestamp") || dataType.equals("time");
        return new SourceColumn(name, dataType, false,
                dataType.equals("varchar") || dataType.equals("char") ? first : 0,
                dataType.equals("decimal") ? first : 0,
                dataType.equals("decimal") ? second : 0,
                // Without a modifier PostgreSQL keeps microseconds.
                temporal ? (modified ? first : 6) : 0,
                row.getBoolean(4),
                array);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
