package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.FAST_RESTARTS;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.awaitFailure;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.queryOne;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.randomPasswords;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.status;
import static dev.cdcpipeline.local.it.SchemaChangeSupport.warehouseColumns;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.it.SchemaChangeSupport.RowWriter;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;

import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Schema changes of a PostgreSQL table while the pipeline runs and rows keep changing: the
 * warehouse table follows added, dropped, widened and renamed columns (a renamed column keeps its
 * attnum, so the warehouse renames its column too), and a type change that is no widening stops
 * the job with what to do.
 */
class PostgresSchemaChangesITCase extends PlaygroundTestBase {

    private static final Supplier<Connection> SOURCE = () -> playground.shopConnectionUnchecked(true);
    private static final Supplier<Connection> WAREHOUSE = SchemaChangeSupport.warehouseOf(() -> playground);

    @BeforeAll
    static void createSourceSchema() throws SQLException {
        executeOnSource("CREATE SCHEMA evo");
    }

    @Test
    void theWarehouseTableFollowsAddedDroppedWidenedAndRenamedColumnsWhileRowsKeepChanging() throws Exception {
        executeOnSource(
                "CREATE TABLE evo.items (id integer PRIMARY KEY, qty integer NOT NULL, note varchar(20), legacy varchar(10))",
                "INSERT INTO evo.items SELECT n, n, 'note ' || n, 'old' FROM generate_series(1, 40) AS n");
        RunningPipeline pipeline = PipelineTestSupport.start(definition("wal-follow", "evo.items"));
        assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
        try (RowWriter writer = RowWriter.start(SOURCE, "evo.items", 10_000)) {
            executeOnSource(
                    "ALTER TABLE evo.items ADD COLUMN channel varchar(12)",
                    "ALTER TABLE evo.items ADD COLUMN status varchar(10) NOT NULL DEFAULT 'new'");
            writer.awaitWrites(20);
            executeOnSource(
                    "UPDATE evo.items SET channel = 'web', status = 'paid' WHERE id <= 5",
                    "INSERT INTO evo.items (id, qty, note, channel, status) VALUES (1001, 1, 'added', 'app', 'open')");
            writer.pause();
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            assertThat(queryOne(WAREHOUSE, "SELECT count(*) FROM wal_follow.evo_items WHERE status = 'new'"))
                    .as("rows the source filled with the default, without a change in the WAL").isNotEqualTo("0");

            writer.resume();
            executeOnSource("ALTER TABLE evo.items DROP COLUMN legacy");
            writer.awaitWrites(20);
            executeOnSource("UPDATE evo.items SET note = 'after drop' WHERE id = 6");
            executeOnSource("ALTER TABLE evo.items ALTER COLUMN qty TYPE bigint");
            writer.awaitWrites(20);
            executeOnSource("UPDATE evo.items SET qty = 3000000000 WHERE id = 1");
            executeOnSource("ALTER TABLE evo.items RENAME COLUMN note TO remark");
            writer.awaitWrites(20);
            executeOnSource("UPDATE evo.items SET remark = 'renamed' WHERE id = 8");
            writer.awaitWrites(20);
            writer.pause();

            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            assertThat(warehouseColumns(WAREHOUSE, "wal_follow", "evo_items"))
                    .containsEntry("qty", "bigint").containsEntry("remark", "character varying(20)").doesNotContainKey("note")
                    .containsEntry("channel", "character varying(12)").containsEntry("legacy", "character varying(10)");
            assertThat(queryOne(WAREHOUSE, "SELECT qty FROM wal_follow.evo_items WHERE id = 1")).isEqualTo("3000000000");
            assertThat(queryOne(WAREHOUSE, "SELECT remark FROM wal_follow.evo_items WHERE id = 9"))
                    .as("the renamed column keeps its values").isEqualTo("note 9");
            assertThat(queryOne(WAREHOUSE, "SELECT legacy FROM wal_follow.evo_items WHERE id = 6")).isEqualTo("null");
            assertThat(queryOne(WAREHOUSE, "SELECT legacy FROM wal_follow.evo_items WHERE id = 7")).isEqualTo("old");
            assertThat(status(pipeline)).isEqualTo(JobStatus.RUNNING);

            List<JsonRecord> records = committedRecords(playground, "wal-follow.evo.items");
            assertThat(records).filteredOn(record -> record.key().get("id").asLong() == 1001)
                    .extracting(record -> record.value().at("/after/channel").asText()).containsExactly("app");
            assertThat(records).filteredOn(record -> record.key().get("id").asLong() == 8)
                    .extracting(record -> record.value().at("/after/remark").asText()).contains("renamed");
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTypeChangeThatIsNoWideningStopsTheJobWithWhatToDo() throws Exception {
        executeOnSource(
                "CREATE TABLE evo.codes (id integer PRIMARY KEY, qty integer NOT NULL, code integer)",
                "INSERT INTO evo.codes SELECT n, n, n FROM generate_series(1, 10) AS n");
        RunningPipeline pipeline = PipelineTestSupport.start(definition("wal-unsafe", "evo.codes"));
        assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();

        executeOnSource("ALTER TABLE evo.codes ALTER COLUMN code TYPE varchar(10)", "UPDATE evo.codes SET code = 'A-1' WHERE id = 1");

        String failure = awaitFailure(pipeline);
        assertThat(failure).contains("Schema change of postgres:evo.codes (warehouse table \"wal_unsafe\".\"evo_codes\"): column 'code'"
                + " is varchar(10) at the source and integer in the warehouse: no type holds both exactly that PostgreSQL can"
                + " convert every stored value to, so the pipeline leaves the column alone.");
        assertThat(failure).contains("SuppressRestartsException")
                .doesNotContain(randomPasswords(playground));
        assertThat(warehouseColumns(WAREHOUSE, "wal_unsafe", "evo_codes")).containsEntry("code", "integer");
    }

    private static void executeOnSource(String... statements) throws SQLException {
        try (Connection connection = playground.postgresSourceConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static PipelineDefinition definition(String name, String tables) {
        return PipelineTestSupport.definition(playground, DemoSources.POSTGRES, name, 2, workDirectory.resolve("checkpoints"),
                FAST_RESTARTS, "tables: shop.\\.*", "tables: " + tables);
    }
}
