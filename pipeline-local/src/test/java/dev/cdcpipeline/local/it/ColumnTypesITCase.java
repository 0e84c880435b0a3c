package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.PipelineTestSupport.definition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Edge values of every column type the demo schema uses, through the snapshot (rows 1 to 3) and
 * through the binlog (rows 4 to 6), compared exactly in the warehouse and in the Kafka records.
 */
class ColumnTypesITCase extends PlaygroundTestBase {

    private static final String COLUMNS = "id, tiny_signed, tiny_unsigned, small_signed, small_unsigned, medium_signed,"
            + " medium_unsigned, int_signed, int_unsigned, big_signed, big_unsigned, money, wide, widest, day, wall_clock,"
            + " wall_clock_ms, moment, name, body, doc, payload, status, nothing";
    private static final String MAX_VALUES = "127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295,"
            + " 9223372036854775807, 18446744073709551615, 9999999999.99, 1234567890123456789012345678.0123456789,"
            + " 99999999999999999999999999999999999.999999999999999999999999999999, '9999-12-31',"
            + " '2024-03-31 02:30:00.123456', '1970-01-01 00:00:00.001', '2038-01-19 03:14:07.999999', 'Zoë 東京 🚀',"
            + " 'Ünïcödé – text', '{\"a\": [1, 2.50, \"ü\"], \"b\": null}', X'00FF10', 'paid', NULL";
    private static final String MIN_VALUES = "-128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0,"
            + " -9999999999.99, -0.0000000001, -0.000000000000000000000000000001, '1000-01-01', '1000-01-01 00:00:00',"
            + " '1000-01-01 00:00:00.000', '1970-01-01 00:00:01', '', '', '[]', X'', 'new', NULL";

    /** The warehouse's text of rows 1 and 4 (after {@code SET TIME ZONE 'UTC'}). */
    private static final List<String> MAX_IN_WAREHOUSE = List.of("127", "255", "32767", "65535", "8388607", "16777215",
            "2147483647", "4294967295", "9223372036854775807", "18446744073709551615", "9999999999.99",
            "1234567890123456789012345678.0123456789", "99999999999999999999999999999999999.999999999999999999999999999999",
            "9999-12-31", "2024-03-31 02:30:00.123456", "1970-01-01 00:00:00.001", "2038-01-19 03:14:07.999999+00",
            "Zoë 東京 🚀", "Ünïcödé – text", "{\"a\": [1, 2.50, \"ü\"], \"b\": null}", "00ff10", "paid", "<null>");
    private static final List<String> MIN_IN_WAREHOUSE = List.of("-128", "0", "-32768", "0", "-8388608", "0",
            "-2147483648", "0", "-9223372036854775808", "0", "-9999999999.99", "-0.0000000001",
            "-0.000000000000000000000000000001", "1000-01-01", "1000-01-01 00:00:00", "1000-01-01 00:00:00",
            "1970-01-01 00:00:01+00", "", "", "[]", "", "new", "<null>");

    /** The Kafka record's {@code after} of rows 1 and 4, as exact JSON. */
    private static final String MAX_IN_KAFKA = """
            {"tiny_signed":127,"tiny_unsigned":255,"small_signed":32767,"small_unsigned":65535,"medium_signed":8388607,
             "medium_unsigned":16777215,"int_signed":2147483647,"int_unsigned":4294967295,
             "big_signed":9223372036854775807,"big_unsigned":18446744073709551615,"money":9999999999.99,
             "wide":1234567890123456789012345678.0123456789,
             "widest":99999999999999999999999999999999999.999999999999999999999999999999,"day":"9999-12-31",
             "wall_clock":"2024-03-31T02:30:00.123456","wall_clock_ms":"1970-01-01T00:00:00.001",
             "moment":"2038-01-19T03:14:07.999999Z","name":"Zoë 東京 🚀","body":"Ünïcödé – text",
             "doc":{"a":[1,2.50,"ü"],"b":null},"payload":"AP8Q","status":"paid","nothing":null}""";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @BeforeAll
    static void createSourceTables() throws Exception {
        executeOnSource(playground,
                "CREATE DATABASE types_check CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "CREATE TABLE types_check.all_types (id INT NOT NULL PRIMARY KEY,"
                        + " tiny_signed TINYINT, tiny_unsigned TINYINT UNSIGNED, small_signed SMALLINT,"
                        + " small_unsigned SMALLINT UNSIGNED, medium_signed MEDIUMINT, medium_unsigned MEDIUMINT UNSIGNED,"
                        + " int_signed INT, int_unsigned INT UNSIGNED, big_signed BIGINT, big_unsigned BIGINT UNSIGNED,"
                        + " money DECIMAL(12,2), wide DECIMAL(38,10), widest DECIMAL(65,30), day DATE, wall_clock DATETIME(6),"
                        + " wall_clock_ms DATETIME(3), moment TIMESTAMP(6) NULL, name VARCHAR(100), body TEXT, doc JSON,"
                        + " payload BLOB, status ENUM('new','paid'), nothing VARCHAR(10) NULL)",
                "SET time_zone = '+00:00'",
                "INSERT INTO types_check.all_types (" + COLUMNS + ") VALUES (1, " + MAX_VALUES + "), (2, " + MIN_VALUES + ")",
                "INSERT INTO types_check.all_types (id) VALUES (3)");
    }

    @Test
    void everyTypeArrivesExactlyThroughSnapshotAndBinlog() throws Exception {
        RunningPipeline pipeline = PipelineTestSupport.start(definition(playground, "types", 1, workDirectory.resolve("checkpoints"), "",
                "tables: shop.\\.*", "tables: types_check.all_types"));
        try {
            awaitCondition("the snapshot in the warehouse", () -> warehouseRows().size() == 3);
            executeOnSource(playground,
                    "SET time_zone = '+00:00'",
                    "INSERT INTO types_check.all_types (" + COLUMNS + ") VALUES (4, " + MAX_VALUES + "), (5, " + MIN_VALUES + ")",
                    // A TIMESTAMP written in a +05:30 session is the same instant: 18:15:00.5 UTC.
                    "SET time_zone = '+05:30'",
                    "INSERT INTO types_check.all_types (id, moment) VALUES (6, '2024-06-30 23:45:00.5')",
                    "UPDATE types_check.all_types SET name = 'geändert', nothing = 'x' WHERE id = 3");
            awaitCondition("the binlog changes in the warehouse and the topic",
                    () -> warehouseRows().size() == 6 && "geändert".equals(warehouseRows().get("3").get(17)) && latestKafkaRows().size() == 6);

            Map<String, List<String>> warehouse = warehouseRows();
            assertThat(warehouse.get("1")).containsExactlyElementsOf(MAX_IN_WAREHOUSE);
            assertThat(warehouse.get("4")).containsExactlyElementsOf(MAX_IN_WAREHOUSE);
            assertThat(warehouse.get("2")).containsExactlyElementsOf(MIN_IN_WAREHOUSE);
            assertThat(warehouse.get("5")).containsExactlyElementsOf(MIN_IN_WAREHOUSE);
            assertThat(warehouse.get("6").get(16)).isEqualTo("2024-06-30 18:15:00.5+00");
            assertThat(warehouse.get("3").subList(17, 23)).containsExactly("geändert", "<null>", "<null>", "<null>", "<null>", "x");

            Map<String, JsonNode> kafka = latestKafkaRows();
            JsonNode expected = JSON.readTree(MAX_IN_KAFKA);
            assertThat(withoutId(kafka.get("1"))).isEqualTo(expected);
            assertThat(withoutId(kafka.get("4"))).isEqualTo(expected);
            assertThat(kafka.get("6").get("moment").asText()).isEqualTo("2024-06-30T18:15:00.500Z");
            assertThat(kafka.get("5").get("big_signed").toString()).isEqualTo("-9223372036854775808");
            assertThat(kafka.get("5").get("widest").decimalValue().toPlainString()).isEqualTo("-0.000000000000000000000000000001");
            assertThat(kafka.get("3").get("payload").isNull()).isTrue();
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode withoutId(JsonNode row) {
        JsonNode copy = row.deepCopy();
        ((ObjectNode) copy).remove("id");
        return copy;
    }

    /** Each warehouse row's columns after the id, as PostgreSQL prints them in a UTC session. */
    private static Map<String, List<String>> warehouseRows() {
        Map<String, List<String>> rows = new HashMap<>();
        try (Connection connection = playground.warehouseConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
            try (ResultSet result = statement.executeQuery("SELECT " + COLUMNS.replace("payload", "encode(payload, 'hex')")
                    + " FROM types.types_check_all_types WHERE NOT _cdc_deleted")) {
                ResultSetMetaData columns = result.getMetaData();
                while (result.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 2; i <= columns.getColumnCount(); i++) {
                        String value = result.getString(i);
                        values.add(value == null ? "<null>" : value);
                    }
                    rows.put(result.getString(1), values);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static Map<String, JsonNode> latestKafkaRows() {
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonRecord record : committedRecords(playground, "types.types_check.all_types")) {
            rows.put(record.key().get("id").asText(), record.value().get("after"));
        }
        return rows;
    }
}
