package dev.cdcpipeline.source.mysql;

import dev.cdcpipeline.config.MySqlSourceSettings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/** Opens JDBC connections to the source with the same defaults Flink CDC's own connections use. */
public final class MySqlConnections {

    private static final Map<String, String> DEFAULT_PROPERTIES =
            Map.of(
                    "useSSL", "false",
                    "useUnicode", "true",
                    "characterEncoding", "UTF-8",
                    "zeroDateTimeBehavior", "CONVERT_TO_NULL",
                    "connectTimeout", "10000");

    private MySqlConnections() {}

    public static Connection open(MySqlSourceSettings source) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(DEFAULT_PROPERTIES);
        properties.putAll(source.jdbcProperties());
        properties.setProperty("user", source.username());
        properties.setProperty("password", source.password().value());
        // The driver itself, not DriverManager: DriverManager lends a driver only to the class loader that registered
        // it, and in a Flink JobManager each jar run through the REST API has its own class loader, so the second
        // pipeline submitted to a session cluster found "No suitable driver".
        return new com.mysql.cj.jdbc.Driver().connect(jdbcUrl(source), properties);
    }

    static String jdbcUrl(MySqlSourceSettings source) {
        return "jdbc:mysql://" + source.hostname() + ":" + source.port() + "/";
    }

}
