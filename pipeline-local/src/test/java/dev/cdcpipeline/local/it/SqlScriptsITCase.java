package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.CHECKPOINT_INTERVAL;
import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.functions.Hashing;
import dev.cdcpipeline.functions.Masking;
import dev.cdcpipeline.functions.Timestamps;
import dev.cdcpipeline.local.LocalEnvironments;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.SqlMirror;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;
import dev.cdcpipeline.local.verify.ReconciliationReport;
import dev.cdcpipeline.sql.RunningScript;
import dev.cdcpipeline.sql.SqlScript;
import dev.cdcpipeline.sql.SqlScriptRunner;
import dev.cdcpipeline.sql.SqlStatement;
import dev.cdcpipeline.sql.SqlStatementSplitter;
import dev.cdcpipeline.sql.StartedJob;
import dev.cdcpipeline.sql.functions.SqlFunctions;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Every script in {@code sql/}, read from the repository as a user would run it, against the
 * playground's real MariaDB, PostgreSQL and Kafka: their connections come in through the
 * environment variables the scripts read. Each test checks what its script writes against the
 * source, after the snapshot and again after inserts, updates and deletes.
 */
class SqlScriptsITCase extends PlaygroundTestBase {

    private static final Path SCRIPTS = Path.of(Objects.requireNonNull(System.getProperty("cdc.sqlScripts"),
            "the system property cdc.sqlScripts (set by pipeline-local's pom) names the sql/ directory"));
    private static final int ORDERS = 300;
    private static final int PARALLELISM = 2;
    private static final String PII_SALT = "test-salt";

    @BeforeAll
    static void createTheShopInBothDatabases() throws Exception {
        try (Connection connection = playground.sourceAdminConnection()) {
            DemoShop.createAndSeed(connection, 11, ORDERS / 5, ORDERS / 30, ORDERS);
        }
        try (Connection connection = playground.postgresSourceConnection(); Statement statement = connection.createStatement()) {
            DemoShop.createAndSeed(connection, 12, ORDERS / 5, ORDERS / 30, ORDERS);
            // What postgres-to-warehouse.md asks of the source: full before-images in the WAL.
            for (String table : List.of("customers", "products", "orders")) {
                statement.execute("ALTER TABLE shop." + table + " REPLICA IDENTITY FULL");
            }
        }
    }

    @Test
    void mysqlToWarehouseAndKafkaMirrorsEveryChangeInBothAsOneJob() throws Exception {
        SqlMirror mirror = SqlMirror.prepare(playground, script(SqlMirror.WAREHOUSE_TABLES));
        RunningScript running = mirror.start(script(SqlMirror.SCRIPT), PARALLELISM, CHECKPOINT_INTERVAL, System.out);
        try {
            assertThat(running.jobs()).singleElement().extracting(job -> job.description()).isEqualTo("6 INSERTs");
            ReconciliationReport afterSnapshot = awaitConsistent(mirror.reconciler(), () -> requireRunning(running));
            assertThat(afterSnapshot.examples()).isEmpty();
            assertThat(afterSnapshot.warehouseRows()).isEqualTo(afterSnapshot.sourceRows()).isPositive();

            long deletedOrder = queryLong("SELECT MIN(id) FROM shop.orders");
            executeOnSource(playground,
                    "INSERT INTO shop.orders (id, customer_id, product_id, quantity, amount, status, ordered_at, note)"
                            + " VALUES (900001, 1, 1, 2, 19.9900, 'new', '2024-03-31 02:30:00.250000', 'première')",
                    "UPDATE shop.orders SET amount = 25.5000, status = 'paid' WHERE id = 900001",
                    "UPDATE shop.orders SET note = 'zweite Änderung' WHERE id = 900001",
                    "DELETE FROM shop.orders WHERE id = " + deletedOrder,
                    "UPDATE shop.customers SET tier = 'gold', preferences = '{\"locale\": \"fr\", \"n\": 1.50}' WHERE id = 1");

            ReconciliationReport afterChanges = awaitConsistent(mirror.reconciler(), () -> requireRunning(running));
            assertThat(afterChanges.examples()).isEmpty();
            assertThat(warehouseCount("SELECT count(*) FROM sql_mirror.shop_orders WHERE id = " + deletedOrder))
                    .as("a delete at the source deletes the warehouse row").isZero();
            assertThat(committedRecords(playground, SqlMirror.TOPIC_PREFIX + ".shop.orders"))
                    .filteredOn(record -> record.key().get("id").asLong() == deletedOrder)
                    .extracting(JsonRecord::value)
                    .last().as("a delete is a tombstone").isNull();
        } finally {
            running.cancelAll();
        }
    }

    @Test
    void postgresToWarehouseMirrorsEveryChangeIntoAnotherDatabase() throws Exception {
        String warehouseDatabase = "postgres_mirror";
        try (Connection connection = playground.warehouseConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + warehouseDatabase);
        }
        Map<String, String> variables = scriptVariables(Map.of("WAREHOUSE_DATABASE", warehouseDatabase));
        executeStatements(() -> postgresConnection(variables, warehouseDatabase), script(SqlMirror.WAREHOUSE_TABLES));
        RunningScript running = start("postgres-to-warehouse.sql", variables);
        try {
            assertThat(running.jobs()).singleElement().extracting(job -> job.description()).isEqualTo("3 INSERTs");
            awaitWarehouseEqualsPostgresSource(running, variables, warehouseDatabase);

            try (Connection connection = playground.postgresSourceConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO shop.orders (id, customer_id, product_id, quantity, amount, status, ordered_at, note)"
                        + " VALUES (900001, 1, 1, 2, 19.9900, 'new', '2024-03-31 02:30:00.25', 'première')");
                statement.execute("UPDATE shop.orders SET amount = 25.5000, status = 'paid' WHERE id = 900001");
                statement.execute("DELETE FROM shop.orders WHERE id = (SELECT MIN(id) FROM shop.orders)");
                statement.execute("UPDATE shop.customers SET preferences = '{\"locale\": \"fr\"}', full_name = 'Zoë Ørsted' WHERE id = 1");
                statement.execute("DELETE FROM shop.products WHERE id = (SELECT MAX(id) FROM shop.products)");
            }
            awaitWarehouseEqualsPostgresSource(running, variables, warehouseDatabase);
        } finally {
            running.cancelAll();
        }
    }

    @Test
    void customerFeaturesEqualABruteForceComputationOnTheSource() throws Exception {
        String topic = "shop.customer-features";
        createTopics(topic);
        RunningScript running = start("customer-features.sql", scriptVariables(Map.of("FEATURES_TOPIC", topic)));
        try {
            awaitWhileRunning(running, "the features topic to equal the brute-force features",
                    () -> featuresInTopic(topic).equals(bruteForceFeatures()));

            long customer = queryLong("SELECT MIN(customer_id) FROM shop.orders");
            executeOnSource(playground,
                    // A customer whose only counting order is new...
                    "INSERT INTO shop.orders (customer_id, product_id, quantity, amount, status, ordered_at)"
                            + " VALUES (777777, 1, 1, 10.0001, 'new', '2024-01-01 00:00:00')",
                    // ...and who then has none: the features record becomes a tombstone.
                    "UPDATE shop.orders SET status = 'cancelled' WHERE customer_id = 777777",
                    "UPDATE shop.orders SET amount = amount + 1 WHERE customer_id = " + customer,
                    "DELETE FROM shop.orders WHERE id = (SELECT id FROM (SELECT MAX(id) AS id FROM shop.orders WHERE customer_id = "
                            + customer + ") AS newest)");
            awaitWhileRunning(running, "the features to follow updates and deletes",
                    () -> featuresInTopic(topic).equals(bruteForceFeatures()));
            assertThat(featuresInTopic(topic)).doesNotContainKey("777777");
            assertThat(committedRecords(playground, topic)).filteredOn(record -> record.value() != null).allSatisfy(record -> {
                assertThat(record.value().get("created_timestamp").asText()).endsWith("Z");
                assertThat(record.value().get("event_timestamp").asText()).endsWith("Z");
            });
        } finally {
            running.cancelAll();
        }
    }

    @Test
    void pseudonymizedCustomersCarryNoPersonalDataInTheClear() throws Exception {
        String topic = "shop.customers-pseudonymized";
        createTopics(topic);
        RunningScript running = start("customers-pseudonymized.sql",
                scriptVariables(Map.of("PSEUDONYMIZED_TOPIC", topic, "PII_SALT", PII_SALT)));
        try {
            awaitWhileRunning(running, "the topic to hold every customer, pseudonymized",
                    () -> pseudonymizedInTopic(topic).equals(expectedPseudonymized()));

            executeOnSource(playground, "UPDATE shop.customers SET email = 'Jürgen.Groß@Example.com', full_name = 'Jürgen Groß' WHERE id = 1");
            awaitWhileRunning(running, "the topic to follow a changed address",
                    () -> pseudonymizedInTopic(topic).equals(expectedPseudonymized()));
            assertThat(pseudonymizedInTopic(topic).get("1")).startsWith("J**********@Example.com|");
            // The seeded addresses are user<n>@example.com: no local part may show.
            assertThat(committedRecords(playground, topic)).extracting(record -> record.value().toString())
                    .noneMatch(value -> value.contains("Groß") || value.contains("user"));
        } finally {
            running.cancelAll();
        }
    }

    /**
     * What Flink's SQL client does with {@code -i sql/sql-client-init.sql}: a table environment
     * that knows none of our functions gets them from the file's statements.
     */
    @Test
    void theSqlClientInitFileRegistersEveryFunctionOnAPlainTableEnvironment() throws Exception {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        for (SqlStatement statement : SqlStatementSplitter.split(script("sql-client-init.sql"))) {
            tables.executeSql(statement.text());
        }

        List<String> registered = List.of(tables.listUserDefinedFunctions());
        assertThat(registered).containsExactlyInAnyOrderElementsOf(SqlFunctions.BY_NAME.keySet());
        try (CloseableIterator<Row> rows = tables.executeSql("SELECT mask_email('jane.doe@example.com'),"
                + " exact_decimal_text(CAST(19.99 AS DECIMAL(12, 4)))").collect()) {
            assertThat(rows.next()).hasToString("+I[j*******@example.com, 19.9900]");
        }
    }

    /** As {@link PipelineTestSupport#awaitCondition}, failing at once if the script's job has ended: it would never get there. */
    private static void awaitWhileRunning(RunningScript running, String what, BooleanSupplier condition) throws InterruptedException {
        awaitCondition(what, () -> {
            requireRunning(running);
            return condition.getAsBoolean();
        });
    }

    private static void requireRunning(RunningScript running) {
        for (StartedJob job : running.jobs()) {
            if (job.client().getJobStatus().join().isGloballyTerminalState()) {
                Throwable failure = job.client().getJobExecutionResult().handle((result, thrown) -> thrown).join();
                throw new AssertionError(job + " ended", failure);
            }
        }
    }

    private static String script(String name) throws IOException {
        return Files.readString(SCRIPTS.resolve(name));
    }

    /** The playground's connections, plus what a test sets; as a user's environment would hold them. */
    private static Map<String, String> scriptVariables(Map<String, String> more) {
        Map<String, String> variables = new HashMap<>(playground.sqlScriptVariables());
        variables.put("PARALLELISM", String.valueOf(PARALLELISM));
        variables.put("CHECKPOINT_INTERVAL", CHECKPOINT_INTERVAL.toMillis() + " ms");
        variables.putAll(more);
        return variables;
    }

    private static RunningScript start(String name, Map<String, String> variables) throws Exception {
        return SqlScriptRunner.start(SqlScript.parse(script(name), variables), LocalEnvironments::create, System.out);
    }

    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static void executeStatements(ConnectionSource database, String statements) throws Exception {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            for (SqlStatement ddl : SqlStatementSplitter.split(statements)) {
                statement.execute(ddl.text());
            }
        }
    }

    private static Connection postgresConnection(Map<String, String> variables, String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + variables.get("WAREHOUSE_HOST") + ":" + variables.get("WAREHOUSE_PORT") + "/" + database,
                variables.get("WAREHOUSE_USER"), variables.get("WAREHOUSE_PASSWORD"));
    }

    /**
     * Source and warehouse are both PostgreSQL, their columns in the same order with types that
     * print alike: a row's text form is the same on both sides when every value is.
     */
    private static void awaitWarehouseEqualsPostgresSource(RunningScript running, Map<String, String> variables,
            String warehouseDatabase) throws Exception {
        for (String table : List.of("customers", "products", "orders")) {
            awaitWhileRunning(running, "sql_mirror.shop_" + table + " to equal shop." + table, () -> {
                List<String> source = rowsAsText(playground::postgresSourceConnection, "shop." + table);
                List<String> warehouse = rowsAsText(() -> postgresConnection(variables, warehouseDatabase), "sql_mirror.shop_" + table);
                return !source.isEmpty() && source.equals(warehouse);
            });
        }
    }

    private static List<String> rowsAsText(ConnectionSource database, String table) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t ORDER BY id")) {
            List<String> texts = new ArrayList<>();
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
            return texts;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + table, e);
        }
    }

    /** Customer id to {@code count|total|average|last order}, computed by MariaDB from the orders as they are now. */
    private static Map<String, String> bruteForceFeatures() {
        return querySource("SELECT customer_id, COUNT(*), SUM(amount), ROUND(SUM(amount) / COUNT(*), 4), MAX(ordered_at)"
                + " FROM shop.orders WHERE status <> 'cancelled' GROUP BY customer_id", row -> {
                    try {
                        return row.getLong(2) + "|" + row.getBigDecimal(3).toPlainString() + "|" + row.getBigDecimal(4).toPlainString()
                                + "|" + Timestamps.normalizeTimestamp(row.getObject(5, LocalDateTime.class));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private static Map<String, String> featuresInTopic(String topic) {
        return latestByKey(topic, "customer_id", features -> features.get("orders_count").asLong() + "|" + features.get("total_spend").asText()
                + "|" + features.get("avg_order_value").asText() + "|" + features.get("last_order_at").asText());
    }

    /** Customer id to what the pseudonymized record must hold, from the customers as they are now. */
    private static Map<String, String> expectedPseudonymized() {
        return querySource("SELECT id, email, tier, YEAR(birth_date), loyalty_points FROM shop.customers", row -> {
            try {
                String email = row.getString(2);
                return Masking.maskEmail(email) + "|" + Hashing.saltedHash(email.toLowerCase(Locale.ROOT), PII_SALT) + "|***|"
                        + row.getString(3) + "|" + (row.getObject(4) == null ? "null" : row.getInt(4)) + "|" + row.getLong(5);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Map<String, String> pseudonymizedInTopic(String topic) {
        return latestByKey(topic, "id", customer -> customer.get("email_masked").asText() + "|" + customer.get("email_hash").asText()
                + "|" + customer.get("full_name").asText() + "|" + customer.get("tier").asText() + "|" + customer.get("birth_year")
                + "|" + customer.get("loyalty_points").asLong());
    }

    /** The latest value per key of an upsert topic, a tombstone removing its key. */
    private static Map<String, String> latestByKey(String topic, String keyField, Function<JsonNode, String> summary) {
        Map<String, String> latest = new LinkedHashMap<>();
        for (JsonRecord record : committedRecords(playground, topic)) {
            String key = record.key().get(keyField).asText();
            if (record.value() == null) {
                latest.remove(key);
            } else {
                latest.put(key, summary.apply(record.value()));
            }
        }
        return latest;
    }

    private interface RowReader {
        String read(ResultSet row);
    }

    /** The first column of each row as the key, {@code reader}'s text as the value. */
    private static Map<String, String> querySource(String query, RowReader reader) {
        try (Connection connection = playground.sourceAdminConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            Map<String, String> result = new LinkedHashMap<>();
            while (rows.next()) {
                result.put(rows.getBigDecimal(1).toPlainString(), reader.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + query, e);
        }
    }

    private static long queryLong(String query) throws SQLException {
        try (Connection connection = playground.sourceAdminConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long warehouseCount(String query) throws SQLException {
        try (Connection connection = playground.warehouseConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void createTopics(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, playground.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(topics).stream().map(topic -> new NewTopic(topic, 2, (short) 1)).toList()).all().get();
        }
    }
}
