package dev.cdcpipeline.source.postgres;

import dev.cdcpipeline.config.PostgresSourceSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** JDBC connections to a PostgreSQL source, for the checks and setup before the job starts. */
final class PostgresConnections {

    private PostgresConnections() {}

    static Connection open(PostgresSourceSettings source) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(source.jdbcProperties());
        properties.setProperty("user", source.username());
        properties.setProperty("password", source.password().value());
        properties.putIfAbsent("connectTimeout", "10");
        return DriverManager.getConnection(
                "jdbc:postgresql://" + source.hostname() + ":" + source.port() + "/" + source.database(), properties);
    }
}
