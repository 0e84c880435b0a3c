package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.PipelineTestSupport.definition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CHECK constraint that the warehouse table's owner adds while the pipeline runs: the rows that
 * violate it go to the dead letters with the constraint named, the others are written, and the
 * pipeline goes on. The writers meet the first violation (its batch fails, the job restarts once
 * and the router reads the constraint with the table); after that it is checked before the write.
 */
class WarehouseCheckConstraintITCase extends PlaygroundTestBase {

    private static final String PIPELINE = "checks";
    private static final String WAREHOUSE_TABLE = PIPELINE + ".checks_items";
    private static final long SENTINEL = 99;

    @Test
    void rowsViolatingACheckConstraintAddedToTheWarehouseTableAreDeadLetteredAndThePipelineGoesOn() throws Exception {
        executeOnSource(playground, "CREATE DATABASE checks",
                "CREATE TABLE checks.items (id INT PRIMARY KEY, qty INT NOT NULL)",
                "INSERT INTO checks.items VALUES (1, 1), (2, 2)");
        RunningPipeline pipeline = PipelineTestSupport.start(definition(playground, DemoSources.MYSQL, PIPELINE, 2,
                workDirectory.resolve("checkpoints"), "", "tables: shop.\\.*", "tables: checks.items"));
        try {
            awaitCondition("the snapshot in the warehouse", () -> warehouseRows().equals(List.of("1:1", "2:2")));
            executeOnWarehouse("ALTER TABLE " + WAREHOUSE_TABLE + " ADD CONSTRAINT qty_below_1000 CHECK (qty < 1000)");

            executeOnSource(playground,
                    "INSERT INTO checks.items VALUES (3, 5000), (4, 4)",
                    "UPDATE checks.items SET qty = 7000 WHERE id = 1",
                    "UPDATE checks.items SET qty = 20 WHERE id = 2",
                    "INSERT INTO checks.items VALUES (" + SENTINEL + ", 0)");

            awaitCondition("the last row in the warehouse and two dead letters",
                    () -> warehouseRows().contains(SENTINEL + ":0") && deadLetters().size() == 2);
            assertThat(warehouseRows()).as("row 1 keeps its previous version, row 3 is not there")
                    .containsExactly("1:1", "2:20", "4:4", SENTINEL + ":0");
            assertThat(deadLetters()).extracting(letter -> letter.value().get("stage").asText() + " "
                            + letter.value().at("/event/key/id").asLong() + " " + letter.value().get("reason").asText())
                    .containsExactlyInAnyOrder(
                            "warehouse 3 violates CHECK constraint \"qty_below_1000\" (qty < 1000) of the warehouse table"
                                    + " \"checks\".\"checks_items\"; the warehouse row keeps its previous version",
                            "warehouse 1 violates CHECK constraint \"qty_below_1000\" (qty < 1000) of the warehouse table"
                                    + " \"checks\".\"checks_items\"; the warehouse row keeps its previous version");
            assertThat(committedRecords(playground, PIPELINE + ".checks.items"))
                    .extracting(record -> record.value().get("op").asText() + record.key().get("id").asLong())
                    .as("Kafka has every change").contains("c3", "u1");
            assertThat(pipeline.job().getJobStatus().get().isGloballyTerminalState()).isFalse();
        } finally {
            pipeline.job().cancel().get(60, TimeUnit.SECONDS);
        }
    }

    private static List<JsonRecord> deadLetters() {
        return committedRecords(playground, PIPELINE + ".dead-letters");
    }

    /** Each row as {@code id:qty}, in id order; empty while the table does not exist. */
    private static List<String> warehouseRows() {
        try (Connection connection = playground.warehouseConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, qty FROM " + WAREHOUSE_TABLE + " ORDER BY id")) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                result.add(rows.getLong(1) + ":" + rows.getLong(2));
            }
            return result;
        } catch (SQLException e) {
            return List.of();
        }
    }

    private static void executeOnWarehouse(String sql) throws SQLException {
        try (Connection connection = playground.warehouseConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
