package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.functions.Hashing;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Transforms through the real pipeline: MariaDB → filter, computed column, masking, timestamp
 * normalisation, dropped and renamed columns → the warehouse table and the topic; and a change an
 * expression cannot evaluate → the real dead-letter topic, while the pipeline goes on.
 */
class TransformsITCase extends PlaygroundTestBase {

    private static final String SALT = "test-salt-\u00e9";
    private static final String TRANSFORMS = """
            transforms:
              - source-table: shop.customers
                filter: "tier <> 'bronze'"
                computed-columns:
                  double_points: "loyalty_points * 2"
                mask-columns:
                  email: hash
                  full_name: redact
                mask-salt: ${PII_SALT}
                normalize:
                  timestamps: utc
                  time-zone: Europe/Berlin
                drop-columns: [avatar, preferences]
                rename-columns: {email: email_hash}
              - source-table: shop.orders
                computed-columns:
                  unit_price: "amount / quantity"
            dedup:
            """;

    @BeforeAll
    static void createSourceTables() throws Exception {
        try (Connection connection = playground.sourceAdminConnection()) {
            DemoShop.createAndSeed(connection, 11, 60, 10, 100);
        }
    }

    @Test
    void transformedRowsLandInTheWarehouseAndTopicAndAFailingChangeIsADeadLetter() throws Exception {
        String yaml = PipelineTestSupport.yaml(playground, DemoSources.MYSQL, "xf", 2, workDirectory.resolve("checkpoints"), "")
                .replace("dedup:\n", TRANSFORMS);
        Map<String, String> environment = new HashMap<>(playground.secrets());
        environment.put("PII_SALT", SALT);
        PipelineDefinition definition = PipelineDefinitionParser.parse(yaml, environment);
        RunningPipeline pipeline = PipelineTestSupport.start(definition);
        try {
            Map<Long, Customer> expected = sourceCustomersNotBronze();
            awaitCondition("the warehouse to hold the filtered customers", () -> warehouseCustomers().keySet().equals(expected.keySet()));
            Map<Long, Customer> copied = warehouseCustomers();
            expected.forEach((id, customer) -> {
                assertThat(copied.get(id).emailHash()).isEqualTo(Hashing.saltedHash(customer.emailHash(), SALT));
                assertThat(copied.get(id).fullName()).isEqualTo("***");
                assertThat(copied.get(id).doublePoints()).isEqualTo(customer.doublePoints() * 2);
            });
            assertThat(warehouseColumns("shop_customers"))
                    .containsEntry("email_hash", "character varying").containsEntry("updated_at", "timestamp with time zone")
                    .containsEntry("double_points", "bigint").doesNotContainKeys("email", "avatar", "preferences");

            long leaving = expected.keySet().iterator().next();
            long entering = anyBronzeCustomer();
            executeOnSource(playground,
                    "UPDATE shop.customers SET tier = 'bronze' WHERE id = " + leaving,
                    "UPDATE shop.customers SET tier = 'gold' WHERE id = " + entering,
                    "INSERT INTO shop.orders (id, customer_id, product_id, quantity, amount, status, ordered_at)"
                            + " VALUES (990001, 1, 1, 0, 10.0000, 'new', '2026-01-01 00:00:00'),"
                            + " (990002, 1, 1, 4, 10.0000, 'new', '2026-01-01 00:00:00')");

            awaitCondition("the customer that left the filter to be deleted and the one that entered to be there",
                    () -> warehouseDeleted(leaving) && warehouseCustomers().containsKey(entering));
            awaitCondition("the order with a quantity to be written", () -> unitPrice(990002) != null);
            assertThat(new BigDecimal(unitPrice(990002))).isEqualByComparingTo("2.5");

            // Records become visible to read_committed consumers when the checkpoint after them completes.
            awaitCondition("the delete and the insert in the topic", () -> operations("xf.shop.customers", leaving).contains("d")
                    && operations("xf.shop.customers", entering).contains("c"));
            awaitCondition("the dead letter in its topic", () -> !committedRecords(playground, "xf.dead-letters").isEmpty());
            List<JsonRecord> customerRecords = committedRecords(playground, "xf.shop.customers");
            assertThat(customerRecords).filteredOn(record -> record.key().get("id").asLong() == leaving)
                    .extracting(record -> record.value().get("op").asText()).containsExactly("r", "d");
            assertThat(customerRecords).filteredOn(record -> record.key().get("id").asLong() == entering)
                    .extracting(record -> record.value().get("op").asText()).containsExactly("c");
            JsonRecord enteringRecord = customerRecords.stream()
                    .filter(record -> record.key().get("id").asLong() == entering).findFirst().orElseThrow();
            assertThat(enteringRecord.value().get("after").has("email")).isFalse();
            assertThat(enteringRecord.value().at("/after/updated_at").asText()).endsWith("Z");

            List<JsonRecord> deadLetters = committedRecords(playground, "xf.dead-letters");
            assertThat(deadLetters).hasSize(1);
            JsonRecord deadLetter = deadLetters.get(0);
            assertThat(deadLetter.value().get("stage").asText()).isEqualTo("transform");
            assertThat(deadLetter.value().get("reason").asText()).contains("division by zero");
            assertThat(deadLetter.value().get("table").asText()).isEqualTo("mysql:shop.orders");
            assertThat(deadLetter.value().at("/event/key/id").asLong()).isEqualTo(990001);
            assertThat(warehouseOrderExists(990001)).isFalse();
            assertThat(pipeline.job().getJobStatus().get().isGloballyTerminalState()).isFalse();
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> operations(String topic, long id) {
        return committedRecords(playground, topic).stream().filter(record -> record.key().get("id").asLong() == id)
                .map(record -> record.value().get("op").asText()).toList();
    }

    /** A source customer; {@code emailHash} holds the plain e-mail address here. */
    private record Customer(String emailHash, String fullName, long doublePoints) {}

    private static Map<Long, Customer> sourceCustomersNotBronze() throws SQLException {
        Map<Long, Customer> customers = new TreeMap<>();
        try (Connection connection = playground.sourceAdminConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id, email, full_name, loyalty_points FROM shop.customers WHERE tier <> 'bronze'")) {
            while (rows.next()) {
                customers.put(rows.getLong(1), new Customer(rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        }
        return customers;
    }

    private static long anyBronzeCustomer() throws SQLException {
        try (Connection connection = playground.sourceAdminConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT MIN(id) FROM shop.customers WHERE tier = 'bronze'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Map<Long, Customer> warehouseCustomers() {
        Map<Long, Customer> customers = new TreeMap<>();
        try (Connection connection = playground.warehouseConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id, email_hash, full_name, double_points FROM xf.shop_customers WHERE NOT _cdc_deleted")) {
            while (rows.next()) {
                customers.put(rows.getLong(1), new Customer(rows.getString(2), rows.getString(3), rows.getLong(4)));
            }
        } catch (SQLException e) {
            return Map.of(); // the table is created before the job starts; a failure here is worth a retry
        }
        return customers;
    }

    private static boolean warehouseDeleted(long id) {
        return queryWarehouse("SELECT _cdc_deleted FROM xf.shop_customers WHERE id = " + id).equals("t");
    }

    private static String unitPrice(long orderId) {
        String price = queryWarehouse("SELECT unit_price::text FROM xf.shop_orders WHERE id = " + orderId);
        return price.isEmpty() ? null : price;
    }

    private static boolean warehouseOrderExists(long orderId) {
        return !queryWarehouse("SELECT id FROM xf.shop_orders WHERE id = " + orderId).isEmpty();
    }

    /** The first column of the first row as text; empty when there is no row. */
    private static String queryWarehouse(String query) {
        try (Connection connection = playground.warehouseConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            return row.next() ? String.valueOf(row.getString(1)) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> warehouseColumns(String table) throws SQLException {
        Map<String, String> columns = new HashMap<>();
        try (Connection connection = playground.warehouseConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = 'xf' AND table_name = '" + table + "'")) {
            while (rows.next()) {
                columns.put(rows.getString(1), rows.getString(2));
            }
        }
        return columns;
    }
}
