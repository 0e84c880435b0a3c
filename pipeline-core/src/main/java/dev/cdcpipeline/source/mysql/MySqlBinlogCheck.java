package dev.cdcpipeline.source.mysql;

import dev.cdcpipeline.config.MySqlSourceSettings;
import dev.cdcpipeline.source.SourceUnavailableException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks before the job starts that the source writes the binlog the way CDC needs it. Without
 * it, Flink CDC fails inside the running job and the job restarts over and over with the same
 * error; here the user gets one message saying which server setting to change.
 */
public final class MySqlBinlogCheck {

    private static final String SETTINGS =
            "SHOW VARIABLES WHERE Variable_name IN ('log_bin', 'binlog_format', 'binlog_row_image')";

    private MySqlBinlogCheck() {}

    public static void requireRowBinlog(MySqlSourceSettings source) {
        Map<String, String> settings = new HashMap<>();
        try (Connection connection = MySqlConnections.open(source);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(SETTINGS)) {
            while (rows.next()) {
                settings.put(rows.getString(1).toLowerCase(), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new SourceUnavailableException(
                    "Cannot connect to the " + source.describe() + " as user '"
                            + source.username() + "': " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (!"ON".equalsIgnoreCase(settings.get("log_bin"))) {
            problems.add("the binlog is off (log_bin=" + settings.get("log_bin") + "): start the server with --log-bin");
        }
        if (!"ROW".equalsIgnoreCase(settings.get("binlog_format"))) {
            problems.add("binlog_format is " + settings.get("binlog_format") + ", CDC needs ROW");
        }
        String rowImage = settings.get("binlog_row_image");
        if (rowImage != null && !"FULL".equalsIgnoreCase(rowImage)) {
            problems.add("binlog_row_image is " + rowImage + ", CDC needs FULL (whole before and after rows)");
        }
        if (!problems.isEmpty()) {
            throw new SourceUnavailableException(
                    "The " + source.describe() + " cannot be captured: " + String.join("; ", problems));
        }
    }
}
