package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.config.PipelineConfigException;
import dev.cdcpipeline.config.WarehouseSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** Creates the warehouse schema and tables that are missing, before the job starts. */
public final class WarehouseSchemaSetup {

    private WarehouseSchemaSetup() {}

    /**
     * @throws PipelineConfigException if the warehouse cannot be reached or refuses the login
     *     (its URL, TLS settings or credentials), like a source that cannot be read before the job
     *     starts
     */
    public static void createMissingTables(WarehouseSettings warehouse, List<WarehouseTable> tables) {
        try (Connection connection = openAsConfigured(warehouse);
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

    private static Connection openAsConfigured(WarehouseSettings warehouse) {
        try {
            return open(warehouse);
        } catch (SQLException e) {
            // SQLState 28: the login was refused; anything else here: no connection (address, TLS, a server that is down).
            boolean loginRefused = e.getSQLState() != null && e.getSQLState().startsWith("28");
            String keys = loginRefused ? "warehouse.username, warehouse.password" : "warehouse.url";
            throw new PipelineConfigException(null, List.of(keys + ": cannot connect to the warehouse " + describe(warehouse.url())
                    + " as user '" + warehouse.username() + "': " + e.getMessage()), e);
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
