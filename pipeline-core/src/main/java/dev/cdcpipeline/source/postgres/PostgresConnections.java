package dev.cdcpipeline.source.postgres;

import dev.cdcpipeline.config.PostgresSourceSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** JDBC connections to a PostgreSQL source, for the checks and setup before the job starts (and {@code verify}). */
public final class PostgresConnections {

    private PostgresConnections() {}

    public static Connection open(PostgresSourceSettings source) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(source.jdbcProperties());
        properties.setProperty("user", source.username());
        properties.setProperty("password", source.password().value());
        properties.putIfAbsent("connectTimeout", "10");
        // The driver itself, not DriverManager: DriverManager lends a driver only to the class loader that registered
        // it, and in a Flink JobManager each jar run through the REST API has its own class loader, so the second
        // pipeline submitted to a session cluster found "No suitable driver".
        return new org.postgresql.Driver().connect(
                "jdbc:postgresql://" + source.hostname() + ":" + source.port() + "/" + source.database(), properties);
    }
}
