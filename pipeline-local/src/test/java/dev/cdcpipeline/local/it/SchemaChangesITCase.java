package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.FAST_RESTARTS;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.awaitFailure;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.queryOne;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.randomPasswords;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.status;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.verify;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.warehouseColumns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.it.SchemaChangeSupport.RowWriter;
import dev.cdcpipeline.local.it.SchemaChangeSupport.Verified;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.warehouse.ChangeEventUpsert;
import dev.cdcpipeline.sink.warehouse.WarehouseSchemaSetup;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;
import dev.cdcpipeline.sink.warehouse.WriteLatency;

import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Schema changes of a MariaDB table while the pipeline runs and rows keep changing: the warehouse
 * table follows (evolve), stays as it is with the values it cannot hold in the dead-letter topic
 * (ignore), or the job stops for good with a message that says what to do (fail, and a rename,
 * which MariaDB's catalog cannot tell from a drop and an add).
 */
class SchemaChangesITCase extends PlaygroundTestBase {

    private static final Supplier<Connection> SOURCE = () -> playground.sourceAdminConnectionUnchecked();
    private static final Supplier<Connection> WAREHOUSE = SchemaChangeSupport.warehouseOf(() -> playground);

    @BeforeAll
    static void createSourceDatabase() throws SQLException {
        executeOnSource(playground, "CREATE DATABASE evo");
    }

    @Test
    void theWarehouseTableFollowsAddedDroppedAndWidenedColumnsWhileRowsKeepChanging() throws Exception {
        executeOnSource(playground,
                "CREATE TABLE evo.items (id INT PRIMARY KEY, qty INT NOT NULL, note VARCHAR(20), legacy VARCHAR(10))",
                "INSERT INTO evo.items SELECT seq, seq, CONCAT('note ', seq), 'old' FROM evo.seq_1_to_40");
        RunningPipeline pipeline = PipelineTestSupport.start(definition("evo-follow", "evo.items", "evolve"));
        assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
        try (RowWriter writer = RowWriter.start(SOURCE, "evo.items", 10_000)) {
            executeOnSource(playground,
                    "ALTER TABLE evo.items ADD COLUMN channel VARCHAR(12)",
                    "ALTER TABLE evo.items ADD COLUMN status VARCHAR(10) NOT NULL DEFAULT 'new'");
            writer.awaitWrites(20);
            executeOnSource(playground,
                    "UPDATE evo.items SET channel = 'web', status = 'paid' WHERE id <= 5",
                    "INSERT INTO evo.items (id, qty, note, channel, status) VALUES (1001, 1, 'added', 'app', 'open')");
            writer.pause();
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            assertThat(warehouseColumns(WAREHOUSE, "evo_follow", "evo_items"))
                    .containsEntry("channel", "character varying(12)").containsEntry("status", "character varying(10)");
            assertThat(queryOne(WAREHOUSE, "SELECT count(*) FROM evo_follow.evo_items WHERE status = 'new'"))
                    .as("rows the source filled with the default, without a change in the binlog").isNotEqualTo("0");

            writer.resume();
            executeOnSource(playground, "ALTER TABLE evo.items DROP COLUMN legacy");
            writer.awaitWrites(20);
            executeOnSource(playground, "UPDATE evo.items SET note = 'after drop' WHERE id = 6");
            executeOnSource(playground, "ALTER TABLE evo.items MODIFY qty BIGINT NOT NULL");
            writer.awaitWrites(20);
            executeOnSource(playground, "UPDATE evo.items SET qty = 3000000000 WHERE id = 1");
            writer.awaitWrites(20);
            writer.pause();

            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            assertThat(warehouseColumns(WAREHOUSE, "evo_follow", "evo_items"))
                    .as("the dropped column stays, with its history").containsEntry("legacy", "character varying(10)")
                    .containsEntry("qty", "bigint");
            assertThat(queryOne(WAREHOUSE, "SELECT qty FROM evo_follow.evo_items WHERE id = 1")).isEqualTo("3000000000");
            assertThat(queryOne(WAREHOUSE, "SELECT legacy FROM evo_follow.evo_items WHERE id = 6"))
                    .as("a row written after the drop").isEqualTo("null");
            assertThat(queryOne(WAREHOUSE, "SELECT legacy FROM evo_follow.evo_items WHERE id = 7"))
                    .as("a row not written since").isEqualTo("old");
            assertThat(status(pipeline)).isEqualTo(JobStatus.RUNNING);
            Verified verified = verify(playground, workDirectory, "evo-follow", yaml("evo-follow", "evo.items", "evolve"));
            assertThat(verified.exitCode()).as(verified.out()).isZero();
            assertThat(verified.out()).contains("verify: table=mysql:evo.items source_rows=").contains("mismatches=0");

            List<JsonRecord> records = committedRecords(playground, "evo-follow.evo.items");
            assertThat(records).filteredOn(record -> record.key().get("id").asLong() == 1001)
                    .extracting(record -> record.value().at("/after/channel").asText()).containsExactly("app");
            assertThat(records).filteredOn(record -> record.key().get("id").asLong() == 1)
                    .extracting(record -> record.value().at("/after/qty").asLong()).contains(3_000_000_000L);
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRenameStopsTheJobNamingBothColumnsAndRenamingTheWarehouseColumnLetsItResume() throws Exception {
        executeOnSource(playground,
                "CREATE TABLE evo.renames (id INT PRIMARY KEY, qty INT NOT NULL, amount INT, note VARCHAR(20))",
                "INSERT INTO evo.renames SELECT seq, seq, seq * 10, 'n' FROM evo.seq_1_to_20");
        Path checkpoints = workDirectory.resolve("checkpoints");
        RunningPipeline first = PipelineTestSupport.start(definition("evo-rename", "evo.renames", "evolve"));
        assertThat(awaitConsistent(first.plan()).examples()).isEmpty();
        String failure;
        try (RowWriter writer = RowWriter.start(SOURCE, "evo.renames", 10_000)) {
            writer.awaitWrites(20);
            executeOnSource(playground,
                    "ALTER TABLE evo.renames RENAME COLUMN amount TO total",
                    "UPDATE evo.renames SET total = total + 1 WHERE id <= 3");
            failure = awaitFailure(first);
            writer.awaitWrites(20);
        }

        assertThat(failure).contains("Schema change of mysql:evo.renames (warehouse table \"evo_rename\".\"evo_renames\"): column"
                + " 'amount' is gone from the source table, and column 'total' of the same type (integer) took its place: a rename,"
                + " or a drop and an add, which the source's catalog cannot tell apart, and the pipeline does not guess. If it was"
                + " a rename, rename the warehouse column yourself (ALTER TABLE \"evo_rename\".\"evo_renames\" RENAME COLUMN"
                + " \"amount\" TO \"total\")");
        assertThat(failure).contains("pipeline.schema-changes: ignore", "SuppressRestartsException")
                .doesNotContain(randomPasswords(playground));

        try (Connection warehouse = playground.warehouseConnection()) {
            warehouse.createStatement().execute("ALTER TABLE evo_rename.evo_renames RENAME COLUMN amount TO total");
        }
        Path lastCheckpoint = CheckpointFiles.latestCheckpoint(checkpoints.resolve(first.job().getJobID().toString())).orElseThrow();
        RunningPipeline resumed = PipelineTestSupport.start(definition("evo-rename", "evo.renames", "evolve",
                "execution.state-recovery.path: " + lastCheckpoint.toUri()));
        try {
            assertThat(awaitConsistent(resumed.plan()).examples()).isEmpty();
            assertThat(queryOne(WAREHOUSE, "SELECT total FROM evo_rename.evo_renames WHERE id = 2")).isEqualTo("21");
        } finally {
            resumed.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void ignoreLeavesTheWarehouseTableAloneAndSetsAsideValuesItCannotHold() throws Exception {
        executeOnSource(playground,
                "CREATE TABLE evo.gadgets (id INT PRIMARY KEY, qty INT NOT NULL)",
                "INSERT INTO evo.gadgets SELECT seq, seq FROM evo.seq_1_to_10");
        RunningPipeline pipeline = PipelineTestSupport.start(definition("evo-ignore", "evo.gadgets", "ignore"));
        try {
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            executeOnSource(playground,
                    "ALTER TABLE evo.gadgets ADD COLUMN extra VARCHAR(10) DEFAULT 'x'",
                    "ALTER TABLE evo.gadgets MODIFY qty BIGINT NOT NULL",
                    "UPDATE evo.gadgets SET qty = 3000000000 WHERE id = 1",
                    "INSERT INTO evo.gadgets (id, qty, extra) VALUES (100, 7, 'y')");

            awaitCondition("the dead letter in its topic", () -> !committedRecords(playground, "evo-ignore.dead-letters").isEmpty());
            List<JsonRecord> deadLetters = committedRecords(playground, "evo-ignore.dead-letters");
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).value().get("stage").asText()).isEqualTo("warehouse");
            assertThat(deadLetters.get(0).value().get("table").asText()).isEqualTo("mysql:evo.gadgets");
            assertThat(deadLetters.get(0).value().get("reason").asText()).isEqualTo("column 'qty' is outside the range of integer;"
                    + " the warehouse row keeps its previous version (pipeline.schema-changes: ignore)");
            assertThat(deadLetters.get(0).value().at("/event/after/qty").asLong()).isEqualTo(3_000_000_000L);

            awaitCondition("the row inserted after the changes in the warehouse",
                    () -> queryOne(WAREHOUSE, "SELECT qty FROM evo_ignore.evo_gadgets WHERE id = 100").equals("7"));
            assertThat(warehouseColumns(WAREHOUSE, "evo_ignore", "evo_gadgets"))
                    .doesNotContainKey("extra").containsEntry("qty", "integer");
            assertThat(queryOne(WAREHOUSE, "SELECT qty FROM evo_ignore.evo_gadgets WHERE id = 1")).isEqualTo("1");
            awaitCondition("the topic's record of the new row with the new column", () -> committedRecords(playground,
                    "evo-ignore.evo.gadgets").stream().anyMatch(record -> record.key().get("id").asLong() == 100
                            && record.value().at("/after/extra").asText().equals("y")));

            executeOnSource(playground, "INSERT INTO evo.gadgets (id, qty) VALUES (101, 8)");
            awaitCondition("the pipeline to go on", () -> queryOne(WAREHOUSE, "SELECT qty FROM evo_ignore.evo_gadgets WHERE id = 101")
                    .equals("8"));
            assertThat(status(pipeline)).isEqualTo(JobStatus.RUNNING);

            // verify compares the columns both sides have, and finds the row whose new value was set aside.
            Verified verified = verify(playground, workDirectory, "evo-ignore", yaml("evo-ignore", "evo.gadgets", "ignore"));
            assertThat(verified.exitCode()).isEqualTo(1);
            assertThat(verified.out())
                    .contains("verify: table=mysql:evo.gadgets note: not compared, as the warehouse table has no such column: extra")
                    .contains("key {\"id\":1}: values differ").contains("mismatches=1");
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void failStopsTheJobForGoodWithWhatChangedAndHowToGoOn() throws Exception {
        executeOnSource(playground,
                "CREATE TABLE evo.widgets (id INT PRIMARY KEY, qty INT NOT NULL)",
                "INSERT INTO evo.widgets SELECT seq, seq FROM evo.seq_1_to_5");
        RunningPipeline pipeline = PipelineTestSupport.start(definition("evo-fail", "evo.widgets", "fail"));
        assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();

        executeOnSource(playground, "ALTER TABLE evo.widgets ADD COLUMN extra INT", "INSERT INTO evo.widgets VALUES (100, 1, 2)");

        // 1000 restarts 200 ms apart would take minutes: ending within the wait means the stop suppressed them.
        String failure = awaitFailure(pipeline);
        assertThat(failure).contains("Schema change of mysql:evo.widgets (warehouse table \"evo_fail\".\"evo_widgets\"): column"
                + " 'extra' was added. The pipeline stops because pipeline.schema-changes is fail; to go on, bring the warehouse"
                + " table up to the source table yourself, or set pipeline.schema-changes to evolve (the warehouse table follows"
                + " the source) or ignore (it stays as it is). Then resume the pipeline from its last checkpoint");
        assertThat(failure).contains("SuppressRestartsException")
                .doesNotContain(randomPasswords(playground));
        assertThat(warehouseColumns(WAREHOUSE, "evo_fail", "evo_widgets")).doesNotContainKey("extra");
    }

    /**
     * A change made before the source added a column with a DEFAULT, written after the warehouse
     * added it too (a replay after the restart): the row gets the default, as the source's row did.
     */
    @Test
    void aChangeWithoutAColumnThatHasADefaultInTheWarehouseGetsTheDefault() throws Exception {
        WarehouseSettings settings = definition("evo-writer", "evo.items", "evolve").warehouse().orElseThrow();
        TableId id = new TableId("mysql", "evo", "writer");
        WarehouseTable table = WarehouseTable.mirroring(new SourceTable(id, List.of(
                new SourceColumn("id", "int", false, 0, 0, 0, 0, false, false),
                new SourceColumn("qty", "int", false, 0, 0, 0, 0, false, false)), List.of("id")), "evo_writer", "writer",
                settings.deleteMode());
        WarehouseSchemaSetup.createMissingTables(settings, List.of(table));
        try (Connection warehouse = playground.warehouseConnection()) {
            warehouse.createStatement().execute(
                    "ALTER TABLE evo_writer.writer ADD COLUMN status varchar(10) DEFAULT CAST('new' AS varchar(10))");
        }

        ChangeEventUpsert upsert = ChangeEventUpsert.ofLiveTable(table, settings, new WriteLatency());
        try (Connection warehouse = playground.warehouseConnection();
                PreparedStatement statement = warehouse.prepareStatement(upsert.query())) {
            for (ChangeEvent change : List.of(insert(id, 1, Map.of("id", 1L, "qty", 5L)),
                    insert(id, 2, Map.of("id", 2L, "qty", 6L, "status", "paid")))) {
                upsert.statement(statement, change);
                statement.executeUpdate();
            }
        }

        assertThat(queryOne(WAREHOUSE, "SELECT status FROM evo_writer.writer WHERE id = 1")).isEqualTo("new");
        assertThat(queryOne(WAREHOUSE, "SELECT status FROM evo_writer.writer WHERE id = 2")).isEqualTo("paid");
    }

    private static ChangeEvent insert(TableId table, long offset, Map<String, Object> after) {
        return new ChangeEvent(table, Operation.INSERT, Map.of("id", after.get("id")), null, after,
                new SourcePosition(1, offset, 0), 1_700_000_000_000L);
    }

    private static PipelineDefinition definition(String name, String tables, String schemaChanges, String... extraFlinkOptions) {
        return PipelineDefinitionParser.parse(yaml(name, tables, schemaChanges, extraFlinkOptions), playground.secrets());
    }

    private static String yaml(String name, String tables, String schemaChanges, String... extraFlinkOptions) {
        return PipelineTestSupport.yaml(playground, DemoSources.MYSQL, name, 2, workDirectory.resolve("checkpoints"),
                FAST_RESTARTS + String.join("\n", extraFlinkOptions),
                "tables: shop.\\.*", "tables: " + tables,
                "  parallelism: 2\n", "  parallelism: 2\n  schema-changes: " + schemaChanges + "\n");
    }
}
