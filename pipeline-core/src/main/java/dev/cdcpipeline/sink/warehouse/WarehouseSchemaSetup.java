package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.config.WarehouseSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

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
    public static String describe(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    public static Connection open(WarehouseSettings warehouse) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", warehouse.username());
        properties.setProperty("password", warehouse.password().value());
        // The driver itself, not DriverManager: DriverManager lends a driver only to the class loader that registered
        // it, and in a Flink JobManager each jar run through the REST API has its own class loader, so the second
        // pipeline submitted to a session cluster found "No suitable driver".
        Connection connection = new org.postgresql.Driver().connect(warehouse.url(), properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL (jdbc:postgresql://...)");
        }
        return connection;
    }
}
