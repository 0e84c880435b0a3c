package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.PipelineTestSupport.definition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.progress.PipelineMetrics;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;

import org.apache.flink.core.execution.SavepointFormatType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Every change accounted for, per sink: a known input from MariaDB and PostgreSQL at once, with
 * no-op updates (deduplicated), a row PostgreSQL cannot store (NUL in text: warehouse dead letter),
 * a row too large for the Kafka producer (Kafka dead letter) and values the deserializer cannot
 * map (MariaDB TIME durations, PostgreSQL's 24:00:00: source dead letters, in the snapshot and in
 * the logs). The numbers come from the real outputs (committed records read {@code read_committed},
 * the dead-letter topic, warehouse rows) and from the pipeline's metrics, and must satisfy
 * {@code events in = written + dead-lettered + deduplicated} for the warehouse and for Kafka.
 */
class DeadLetterReconciliationITCase extends PlaygroundTestBase {

    private static final String PIPELINE = "recon";
    private static final String MYSQL_TOPIC = "recon.mysql.recon.items";
    private static final String POSTGRES_TOPIC = "recon.postgres.recon.items";
    private static final String DEAD_LETTER_TOPIC = "recon.dead-letters";
    private static final long SENTINEL = 99;

    /** Rows each source holds before the pipeline starts: its snapshot reads. */
    private static long mysqlSnapshotRows;
    private static long postgresSnapshotRows;

    @BeforeAll
    static void createSourceTables() throws Exception {
        try (Connection maria = playground.sourceAdminConnection(); Statement statement = maria.createStatement()) {
            statement.execute("CREATE DATABASE recon");
            statement.execute("CREATE TABLE recon.items (id INT PRIMARY KEY, qty INT NOT NULL, span TIME NULL, note LONGTEXT NULL)");
            // Row 4's TIME is a duration of 100 hours: the snapshot reads a value the deserializer cannot map.
            mysqlSnapshotRows = statement.executeUpdate("INSERT INTO recon.items VALUES"
                    + " (1, 1, '01:00:00', 'one'), (2, 2, NULL, 'two'), (3, 3, NULL, 'three'), (4, 4, '100:00:00', 'four')");
        }
        try (Connection postgres = playground.postgresSourceConnection(); Statement statement = postgres.createStatement()) {
            statement.execute("CREATE SCHEMA recon");
            statement.execute("CREATE TABLE recon.items (id int PRIMARY KEY, qty int NOT NULL, opens time, note text)");
            postgresSnapshotRows = statement.executeUpdate(
                    "INSERT INTO recon.items VALUES (1, 1, '08:00', 'one'), (2, 2, NULL, 'two'), (3, 3, NULL, 'three')");
        }
    }

    @Test
    void everyEventIsWrittenDeadLetteredOrDeduplicatedInEachSink() throws Exception {
        RunningPipeline pipeline = PipelineTestSupport.start(definition(playground, DemoSources.BOTH, PIPELINE, 2,
                workDirectory.resolve("checkpoints"), "",
                "tables: shop.\\.*", "tables: recon.items",
                "topic-partitions: 2", "topic-partitions: 2\n  properties.max.request.size: 16384"));
        long mysqlChanges;
        long postgresChanges;
        Map<String, Long> metrics;
        try {
            // Changes made before a table's snapshot chunk is read would be merged into its reads.
            awaitCondition("the snapshots in the warehouse", () -> warehouseIds("mysql_recon_items").size() == 3
                    && warehouseIds("postgres_recon_items").size() == 3);

            mysqlChanges = changeMariaDb();
            postgresChanges = changePostgres();

            // The last change of each source committed: every earlier one has passed every
            // operator before that checkpoint's barrier, so the counters are final.
            awaitCondition("both sources' last change in their topics", () -> hasSentinel(MYSQL_TOPIC) && hasSentinel(POSTGRES_TOPIC));
            metrics = pipelineMetrics();
        } finally {
            // Stopping with a savepoint commits what the sinks still hold: the outputs are complete.
            pipeline.job().stopWithSavepoint(false, workDirectory.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(PipelineTestSupport.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        long eventsIn = mysqlSnapshotRows + mysqlChanges + postgresSnapshotRows + postgresChanges;
        List<JsonRecord> mysqlRecords = committedRecords(playground, MYSQL_TOPIC);
        List<JsonRecord> postgresRecords = committedRecords(playground, POSTGRES_TOPIC);
        List<JsonRecord> deadLetters = committedRecords(playground, DEAD_LETTER_TOPIC);
        Map<String, Long> deadLettersByStage = deadLetters.stream()
                .collect(Collectors.groupingBy(letter -> letter.value().get("stage").asText(), TreeMap::new, Collectors.counting()));

        // What each output holds, change by change.
        assertThat(changes(mysqlRecords)).containsExactlyInAnyOrder("r1", "r2", "r3", "c5", "c6", "u1", "d2", "c20", "c99");
        assertThat(changes(postgresRecords)).containsExactlyInAnyOrder("r1", "r2", "r3", "c4", "c5", "u3", "c99");
        assertThat(deadLetters).extracting(letter -> letter.value().get("stage").asText() + " " + letter.value().get("table").asText()
                        + " " + idOf(letter))
                .containsExactlyInAnyOrder("source mysql:recon.items 4", "source mysql:recon.items 22", "source mysql:recon.items 3",
                        "source postgres:recon.items 6", "warehouse mysql:recon.items 20", "kafka mysql:recon.items 21");
        assertThat(warehouseIds("mysql_recon_items")).containsExactly(1L, 2L, 3L, 5L, 6L, 21L, 99L);
        assertThat(warehouseIds("postgres_recon_items")).containsExactly(1L, 2L, 3L, 4L, 5L, 99L);

        // The metrics agree with the outputs.
        assertThat(metrics).containsEntry("source.mysql.deadLetters", 3L).containsEntry("source.postgres.deadLetters", 1L)
                .containsEntry("warehouse.deadLetters", deadLettersByStage.get("warehouse"))
                .containsEntry("kafka.deadLetters", deadLettersByStage.get("kafka"));
        long deduplicated = metrics.get("dedup.table.mysql_recon_items.eventsIn") - metrics.get("dedup.table.mysql_recon_items.eventsOut")
                + metrics.get("dedup.table.postgres_recon_items.eventsIn") - metrics.get("dedup.table.postgres_recon_items.eventsOut");
        assertThat(deduplicated).as("the two no-op updates of PostgreSQL, in %s", metrics).isEqualTo(2);
        assertThat(metrics.get("dedup.table.mysql_recon_items.eventsIn") + metrics.get("dedup.table.postgres_recon_items.eventsIn"))
                .as("what the sources could read").isEqualTo(eventsIn - deadLettersByStage.get("source"));

        // events in = written + dead-lettered + deduplicated, per sink.
        long writtenToKafka = mysqlRecords.size() + postgresRecords.size();
        assertThat(writtenToKafka + deadLettersByStage.get("source") + deadLettersByStage.get("kafka") + deduplicated)
                .as("Kafka: %d records + %s dead letters + %d deduplicated", writtenToKafka, deadLettersByStage, deduplicated)
                .isEqualTo(eventsIn);
        long writtenToWarehouse = metrics.get("warehouse.rowsWritten");
        assertThat(writtenToWarehouse + deadLettersByStage.get("source") + deadLettersByStage.get("warehouse") + deduplicated)
                .as("warehouse: %d rows written + %s dead letters + %d deduplicated", writtenToWarehouse, deadLettersByStage, deduplicated)
                .isEqualTo(eventsIn);
        assertThat(eventsIn).isEqualTo(23);
    }

    /** The MariaDB changes, one binlog row event per affected row; returns their number. */
    private static long changeMariaDb() throws SQLException {
        try (Connection maria = playground.sourceAdminConnection(); Statement statement = maria.createStatement()) {
            return statement.executeUpdate("INSERT INTO recon.items VALUES (5, 5, '02:00:00', 'five'), (6, 6, NULL, 'six')")
                    + statement.executeUpdate("UPDATE recon.items SET qty = 10 WHERE id = 1")
                    + statement.executeUpdate("DELETE FROM recon.items WHERE id = 2")
                    // MariaDB text may hold NUL; PostgreSQL text cannot.
                    + statement.executeUpdate("INSERT INTO recon.items VALUES (20, 20, NULL, CONCAT('a', CHAR(0), 'b'))")
                    // Over the producer's max.request.size of 16 KiB.
                    + statement.executeUpdate("INSERT INTO recon.items VALUES (21, 21, NULL, REPEAT('x', 30000))")
                    // TIME is also a duration in MySQL: -838:59:59 to 838:59:59.
                    + statement.executeUpdate("INSERT INTO recon.items VALUES (22, 22, '-01:00:00', 'negative')")
                    + statement.executeUpdate("UPDATE recon.items SET span = '838:59:59' WHERE id = 3")
                    + statement.executeUpdate("INSERT INTO recon.items VALUES (" + SENTINEL + ", 0, NULL, 'last')");
        }
    }

    /** The PostgreSQL changes, one WAL change per affected row (a no-op update too); returns their number. */
    private static long changePostgres() throws SQLException {
        try (Connection postgres = playground.postgresSourceConnection(); Statement statement = postgres.createStatement()) {
            return statement.executeUpdate("INSERT INTO recon.items VALUES (4, 4, '09:00', 'four'), (5, 5, NULL, 'five')")
                    // PostgreSQL logs an update that changes nothing; with REPLICA IDENTITY FULL its images are equal.
                    + statement.executeUpdate("UPDATE recon.items SET qty = qty WHERE id IN (1, 2)")
                    + statement.executeUpdate("UPDATE recon.items SET qty = 30 WHERE id = 3")
                    // PostgreSQL's time reaches 24:00:00, a time of day no java.time type holds.
                    + statement.executeUpdate("INSERT INTO recon.items VALUES (6, 6, '24:00:00', 'midnight')")
                    + statement.executeUpdate("INSERT INTO recon.items VALUES (" + SENTINEL + ", 0, NULL, 'last')");
        }
    }

    private static Map<String, Long> pipelineMetrics() {
        Map<String, Long> metrics = new TreeMap<>();
        for (String name : List.of("source.mysql.deadLetters", "source.postgres.deadLetters", "warehouse.deadLetters", "kafka.deadLetters",
                "transform.deadLetters", "warehouse.rowsWritten", "dedup.table.mysql_recon_items.eventsIn",
                "dedup.table.mysql_recon_items.eventsOut", "dedup.table.postgres_recon_items.eventsIn",
                "dedup.table.postgres_recon_items.eventsOut")) {
            metrics.put(name, PipelineMetrics.sumOfCounter(PIPELINE, name));
        }
        return metrics;
    }

    private static boolean hasSentinel(String topic) {
        return committedRecords(playground, topic).stream().anyMatch(record -> record.key().get("id").asLong() == SENTINEL);
    }

    /** Each record as its operation and id, such as {@code u3}. */
    private static List<String> changes(List<JsonRecord> records) {
        return records.stream().map(record -> record.value().get("op").asText() + record.key().get("id").asLong()).toList();
    }

    /** The id of the row a dead letter is about: in the change's key, or in the Debezium record's for the source stage. */
    private static long idOf(JsonRecord deadLetter) {
        return deadLetter.value().at("/event/key/id").asLong();
    }

    private static List<Long> warehouseIds(String table) {
        try (Connection connection = playground.warehouseConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM " + PIPELINE + "." + table + " ORDER BY id")) {
            List<Long> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            // Not created yet, or not reachable: not there yet.
            return List.of();
        }
    }
}
