package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.config.WarehouseSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates the warehouse schema and tables that are missing, before the job starts. */
public final class WarehouseSchemaSetup {

    private WarehouseSchemaSetup() {}

    public static void createMissingTables(WarehouseSettings warehouse, List<WarehouseTable> tables) {
        try (Connection connection = open(warehouse);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(warehouse.schema()));
            for (WarehouseTable table : tables) {
                statement.execute(table.createStatement());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create the warehouse tables in " + describe(warehouse.url()) + " (schema " + warehouse.schema()
                            + ") as user '" + warehouse.username() + "': " + e.getMessage(), e);
        }
    }

    /** The URL without its query part, which may hold credentials. */
    static String describe(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    static Connection open(WarehouseSettings warehouse) throws SQLException {
        return DriverManager.getConnection(warehouse.url(), warehouse.username(), warehouse.password().value());
    }
}
