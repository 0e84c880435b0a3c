package dev.cdcpipeline.sink.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a warehouse table's data columns and CHECK constraints from PostgreSQL's catalog, as they are now. */
final class WarehouseCatalog {

    private static final String COLUMNS = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid), coalesce(a.attnum = ANY (i.indkey), false)"
            + " FROM pg_attribute a"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary"
            + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
    private static final String CHECKS = "SELECT conname, pg_get_expr(conbin, conrelid) FROM pg_constraint"
            + " WHERE conrelid = to_regclass(?) AND contype = 'c' ORDER BY conname";
    private static final Set<String> METADATA_COLUMNS = Set.of(WarehouseTable.OPERATION, WarehouseTable.POSITION,
            WarehouseTable.SOURCE_TIMESTAMP, WarehouseTable.DELETED, WarehouseTable.WRITTEN_AT);

    private WarehouseCatalog() {}

    /** The table's data columns in table order; empty when the table does not exist. */
    static Optional<LiveTable> read(Connection connection, String schema, String name) throws SQLException {
        List<LiveColumn> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(name));
            try (ResultSet rows = statement.executeQuery()) {
                boolean exists = false;
                while (rows.next()) {
                    exists = true;
                    if (!METADATA_COLUMNS.contains(rows.getString(1))) {
                        columns.add(new LiveColumn(rows.getString(1), ColumnType.parse(rows.getString(2)), rows.getBoolean(3),
                                rows.getString(4), rows.getBoolean(5)));
                    }
                }
                return exists ? Optional.of(new LiveTable(schema, name, columns, checks(connection, schema, name))) : Optional.empty();
            }
        }
    }

    private static List<CheckConstraint> checks(Connection connection, String schema, String name) throws SQLException {
        List<CheckConstraint> checks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CHECKS)) {
            statement.setString(1, SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(name));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    checks.add(new CheckConstraint(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return checks;
    }

    /** As {@link #read}, for a table the pipeline created before the job started. */
    static LiveTable require(Connection connection, WarehouseTable table) throws SQLException {
        return read(connection, table.schema(), table.name()).orElseThrow(() -> new SQLException(
                "the warehouse table " + table.qualifiedName() + " does not exist (dropped while the pipeline ran?)"));
    }
}
