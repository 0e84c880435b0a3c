package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.PipelineTestSupport.definition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;
import dev.cdcpipeline.local.verify.ReconciliationReport;
import dev.cdcpipeline.local.verify.Reconciler;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The whole pipeline at parallelism 2 against real MariaDB, PostgreSQL and Kafka: the snapshot,
 * then inserts, updates and deletes, each in the warehouse and exactly once in the topics.
 */
class PipelineEndToEndITCase extends PlaygroundTestBase {

    private static final int ORDERS = 300;

    @BeforeAll
    static void createSourceTables() throws Exception {
        try (Connection connection = playground.sourceAdminConnection()) {
            DemoShop.createAndSeed(connection, 7, ORDERS / 5, ORDERS / 30, ORDERS);
        }
    }

    @Test
    void snapshotThenChangesLandInTheWarehouseAndOnceInTheTopics() throws Exception {
        long ordersAtStart = sourceOrderCount();
        RunningPipeline pipeline = PipelineTestSupport.start(
                definition(playground, "e2e", 2, workDirectory.resolve("checkpoints"), ""));
        try {
            ReconciliationReport afterSnapshot = awaitConsistent(pipeline.plan());
            assertThat(afterSnapshot.examples()).isEmpty();
            assertThat(afterSnapshot.warehouseRows()).isEqualTo(afterSnapshot.sourceRows()).isPositive();

            executeOnSource(playground,
                    "INSERT INTO shop.orders (id, customer_id, product_id, quantity, amount, status, ordered_at, note)"
                            + " VALUES (900001, 1, 1, 2, 19.9900, 'new', '2024-03-31 02:30:00.250000', 'première'),"
                            + " (900002, 2, 1, 1, 5.0000, 'new', '2024-01-01 00:00:00', NULL)",
                    "UPDATE shop.orders SET amount = 25.5000, status = 'paid' WHERE id = 900001",
                    "UPDATE shop.orders SET note = 'zweite Änderung' WHERE id = 900001",
                    "DELETE FROM shop.orders WHERE id = 900002",
                    "UPDATE shop.customers SET tier = 'gold' WHERE id = 1");

            ReconciliationReport afterChanges = awaitConsistent(pipeline.plan());
            assertThat(afterChanges.examples()).isEmpty();
            assertThat(afterChanges.consistent()).isTrue();

            List<JsonRecord> orders = committedRecords(playground, "e2e.shop.orders");
            Map<String, Long> byOperation = orders.stream()
                    .collect(Collectors.groupingBy(record -> record.value().get("op").asText(), Collectors.counting()));
            assertThat(byOperation).containsEntry("r", ordersAtStart).containsEntry("c", 2L)
                    .containsEntry("u", 2L).containsEntry("d", 1L).hasSize(4);
            List<String> changesOf900001 = orders.stream()
                    .filter(record -> record.key().get("id").asLong() == 900001)
                    .map(record -> record.value().get("op").asText() + ":" + record.value().at("/after/amount").decimalValue().toPlainString())
                    .toList();
            assertThat(changesOf900001).containsExactly("c:19.9900", "u:25.5000", "u:25.5000");

            assertSoftDeleted(900002);
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void hardDeletesRemoveTheRowAndAtLeastOnceDeliveryStillDeliversEachChange() throws Exception {
        RunningPipeline pipeline = PipelineTestSupport.start(definition(playground, "e2e-hard", 2, workDirectory.resolve("checkpoints"), "",
                "delete-mode: soft", "delete-mode: hard", "delivery: exactly-once", "delivery: at-least-once"));
        try {
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            long deletedOrder = anyOrderId();

            executeOnSource(playground, "DELETE FROM shop.orders WHERE id = " + deletedOrder);

            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            assertThat(warehouseRowCount("e2e_hard.shop_orders", deletedOrder)).isZero();
            assertThat(committedRecords(playground, "e2e-hard.shop.orders"))
                    .filteredOn(record -> record.key().get("id").asLong() == deletedOrder)
                    .extracting(record -> record.value().get("op").asText())
                    .containsExactly("r", "d");
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void snapshotOnlyIsABoundedRunThatFinishesWithEverythingWritten() throws Exception {
        RunningPipeline pipeline = PipelineTestSupport.start(definition(playground, "e2e-batch", 2, workDirectory.resolve("checkpoints"), "",
                "server-time-zone: UTC", "server-time-zone: UTC\n  startup-mode: snapshot-only"));

        // Returns only when the job has FINISHED: a failed or cancelled job throws instead.
        pipeline.job().getJobExecutionResult().get(PipelineTestSupport.PATIENCE.toSeconds(), TimeUnit.SECONDS);

        ReconciliationReport report = new Reconciler(pipeline.plan()).reconcile();
        assertThat(report.examples()).isEmpty();
        assertThat(report.kafkaRecords()).isEqualTo(report.sourceRows());
    }

    @Test
    void aRowTheWarehouseCannotStoreIsADeadLetterAndThePipelineGoesOn() throws Exception {
        RunningPipeline pipeline = PipelineTestSupport.start(definition(playground, "e2e-nul", 2, workDirectory.resolve("checkpoints"), ""));
        try {
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();

            // MariaDB text may hold NUL; PostgreSQL text cannot, and the batch holding it would fail forever.
            executeOnSource(playground,
                    "INSERT INTO shop.orders (id, customer_id, product_id, quantity, amount, status, ordered_at, note)"
                            + " VALUES (900101, 1, 1, 1, 1.0000, 'new', '2026-01-01 00:00:00', CONCAT('a', CHAR(0), 'b'))",
                    "INSERT INTO shop.orders (id, customer_id, product_id, quantity, amount, status, ordered_at, note)"
                            + " VALUES (900102, 1, 1, 1, 2.0000, 'new', '2026-01-01 00:00:00', 'after it')");

            PipelineTestSupport.awaitCondition("the next order in the warehouse and the dead letter in its topic",
                    () -> warehouseRowCountUnchecked("e2e_nul.shop_orders", 900102) == 1
                            && !committedRecords(playground, "e2e-nul.dead-letters").isEmpty());
            assertThat(warehouseRowCount("e2e_nul.shop_orders", 900101)).isZero();
            List<JsonRecord> deadLetters = committedRecords(playground, "e2e-nul.dead-letters");
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).value().get("stage").asText()).isEqualTo("warehouse");
            assertThat(deadLetters.get(0).value().get("reason").asText()).contains("column 'note' holds the NUL character");
            assertThat(deadLetters.get(0).value().at("/event/key/id").asLong()).isEqualTo(900101);
            assertThat(deadLetters.get(0).value().at("/event/after/note").asText()).isEqualTo("a\u0000b");
            // The topic has no such limit: both orders are there.
            PipelineTestSupport.awaitCondition("both orders in the topic", () -> committedRecords(playground, "e2e-nul.shop.orders")
                    .stream().filter(record -> record.key().get("id").asLong() >= 900101).count() == 2);
            assertThat(pipeline.job().getJobStatus().get().isGloballyTerminalState()).isFalse();
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
            // The other tests of this class reconcile the same source: leave no row they could not store.
            executeOnSource(playground, "DELETE FROM shop.orders WHERE id IN (900101, 900102)");
            assertThat(queryLong("SELECT count(*) FROM shop.orders WHERE id IN (900101, 900102)")).isZero();
        }
    }

    @Test
    void aRecordTooLargeForTheKafkaProducerIsADeadLetterAndStillReachesTheWarehouse() throws Exception {
        RunningPipeline pipeline = PipelineTestSupport.start(definition(playground, "e2e-big", 2, workDirectory.resolve("checkpoints"), "",
                "topic-partitions: 2", "topic-partitions: 2\n  properties.max.request.size: 16384"));
        try {
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();

            executeOnSource(playground,
                    "INSERT INTO shop.orders (id, customer_id, product_id, quantity, amount, status, ordered_at, note)"
                            + " VALUES (900201, 1, 1, 1, 1.0000, 'new', '2026-01-01 00:00:00', REPEAT('x', 30000)),"
                            + " (900202, 1, 1, 1, 2.0000, 'new', '2026-01-01 00:00:00', 'small')");

            PipelineTestSupport.awaitCondition("both orders in the warehouse and the dead letter in its topic",
                    () -> warehouseRowCountUnchecked("e2e_big.shop_orders", 900201) == 1
                            && warehouseRowCountUnchecked("e2e_big.shop_orders", 900202) == 1
                            && !committedRecords(playground, "e2e-big.dead-letters").isEmpty());
            List<JsonRecord> deadLetters = committedRecords(playground, "e2e-big.dead-letters");
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).value().get("stage").asText()).isEqualTo("kafka");
            assertThat(deadLetters.get(0).value().at("/event/key/id").asLong()).isEqualTo(900201);
            assertThat(deadLetters.get(0).value().at("/event/rows_omitted").asBoolean()).isTrue();
            PipelineTestSupport.awaitCondition("the small order in the topic", () -> committedRecords(playground, "e2e-big.shop.orders")
                    .stream().anyMatch(record -> record.key().get("id").asLong() == 900202));
            assertThat(committedRecords(playground, "e2e-big.shop.orders"))
                    .noneMatch(record -> record.key().get("id").asLong() == 900201);
            assertThat(pipeline.job().getJobStatus().get().isGloballyTerminalState()).isFalse();
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
            // The other tests of this class reconcile the same source and topics without a size limit.
            executeOnSource(playground, "DELETE FROM shop.orders WHERE id IN (900201, 900202)");
            assertThat(queryLong("SELECT count(*) FROM shop.orders WHERE id IN (900201, 900202)")).isZero();
        }
    }

    private static long warehouseRowCountUnchecked(String table, long orderId) {
        try {
            return warehouseRowCount(table, orderId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long anyOrderId() throws Exception {
        return queryLong("SELECT MIN(id) FROM shop.orders");
    }

    /** Other tests of this class change the shop too: count what is there when a test starts. */
    private static long sourceOrderCount() throws Exception {
        return queryLong("SELECT count(*) FROM shop.orders");
    }

    private static long queryLong(String query) throws Exception {
        try (Connection connection = playground.sourceAdminConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long warehouseRowCount(String table, long orderId) throws Exception {
        try (Connection connection = playground.warehouseConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table + " WHERE id = " + orderId)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void assertSoftDeleted(long orderId) throws Exception {
        try (Connection connection = playground.warehouseConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT _cdc_deleted, _cdc_op, _cdc_source_ts IS NOT NULL FROM e2e.shop_orders WHERE id = " + orderId)) {
            assertThat(row.next()).as("the deleted order stays in the warehouse, flagged").isTrue();
            assertThat(row.getBoolean(1)).isTrue();
            assertThat(row.getString(2)).isEqualTo("d");
            assertThat(row.getBoolean(3)).isTrue();
        }
    }
}
