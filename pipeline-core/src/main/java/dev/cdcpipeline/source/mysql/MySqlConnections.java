package dev.cdcpipeline.source.mysql;

import dev.cdcpipeline.config.MySqlSourceSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** Opens JDBC connections to the source with the same defaults Flink CDC's own connections use. */
final class MySqlConnections {

    private static final Map<String, String> DEFAULT_PROPERTIES =
            Map.of(
                    "useSSL", "false",
                    "useUnicode", "true",
                    "characterEncoding", "UTF-8",
                    "zeroDateTimeBehavior", "CONVERT_TO_NULL",
                    "connectTimeout", "10000");

    private MySqlConnections() {}

    static Connection open(MySqlSourceSettings source) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(DEFAULT_PROPERTIES);
        properties.putAll(source.jdbcProperties());
        properties.setProperty("user", source.username());
        properties.setProperty("password", source.password().value());
        return DriverManager.getConnection(jdbcUrl(source), properties);
    }

    static String jdbcUrl(MySqlSourceSettings source) {
        return "jdbc:mysql://" + source.hostname() + ":" + source.port() + "/";
    }

    /** Where, for error messages: never with credentials. */
    static String describe(MySqlSourceSettings source) {
        return "MySQL/MariaDB source " + source.hostname() + ":" + source.port();
    }
}
