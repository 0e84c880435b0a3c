package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.cli.RunCommand;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.LocalMain;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.demo.Playground;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code verify} through the local jar's entry point, against a real pipeline: equal after the
 * pipeline has caught up (soft-deleted rows do not count), and each tampered warehouse row named
 * with its reason once the job is cancelled.
 */
class VerifyCommandITCase extends PlaygroundTestBase {

    private static final int ORDERS = 300;

    @BeforeAll
    static void createSourceTables() throws Exception {
        try (Connection connection = playground.sourceAdminConnection()) {
            DemoShop.createAndSeed(connection, 11, ORDERS / 5, ORDERS / 30, ORDERS);
        }
        try (Connection connection = playground.postgresSourceConnection()) {
            DemoShop.createAndSeed(connection, 12, ORDERS / 5, ORDERS / 30, ORDERS);
        }
    }

    private record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Result verify(Path file, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 2];
        args[0] = "verify";
        args[1] = file.toString();
        System.arraycopy(options, 0, args, 2, options.length);
        int exitCode = LocalMain.execute(args, playground.secrets(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Result result = new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        // The embedded PostgreSQL trusts every connection and its password is the word "postgres", which names a
        // source here: check the MariaDB account's random password.
        playground.secrets().values().stream().filter(secret -> !secret.equals("postgres"))
                .forEach(secret -> assertThat(result.out() + result.err()).doesNotContain(secret));
        return result;
    }

    private static Path pipelineFile(DemoSources sources, String name, String... replacements) throws Exception {
        String yaml = PipelineTestSupport.yaml(playground, sources, name, 2, workDirectory.resolve("checkpoints-" + name), "",
                replacements);
        return Files.writeString(workDirectory.resolve(name + ".yaml"), yaml);
    }

    private static RunningPipeline start(Path file) throws Exception {
        return PipelineTestSupport.start(PipelineDefinitionParser.parse(Files.readString(file), playground.secrets()));
    }

    @Test
    void aCaughtUpPipelineVerifiesAndEachTamperedWarehouseRowIsNamed() throws Exception {
        Path file = pipelineFile(DemoSources.MYSQL, "verify-mysql");
        String orders = Playground.warehouseSchema("verify-mysql") + ".shop_orders";
        RunningPipeline pipeline = start(file);
        try {
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();
            // A soft-deleted row stays in the warehouse, flagged: it is not a live row, so not a difference.
            executeOnSource(playground, "DELETE FROM shop.orders WHERE id = " + sourceLong("SELECT MAX(id) FROM shop.orders"));
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();

            Result equal = verify(file, "--max-lag", "10s");

            assertThat(equal.exitCode()).as("out: %s\nerr: %s", equal.out(), equal.err()).isEqualTo(RunCommand.OK);
            long customers = sourceLong("SELECT count(*) FROM shop.customers");
            long products = sourceLong("SELECT count(*) FROM shop.products");
            long orderRows = sourceLong("SELECT count(*) FROM shop.orders");
            long total = customers + products + orderRows;
            assertThat(equal.lines()).containsExactly(
                    equalLine("mysql:shop.customers", customers),
                    equalLine("mysql:shop.orders", orderRows),
                    equalLine("mysql:shop.products", products),
                    "verify: tables=3 source_rows=" + total + " warehouse_rows=" + total + " mismatches=0");
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }

        long changed = sourceLong("SELECT MIN(id) FROM shop.orders");
        long deleted = sourceLong("SELECT MIN(id) FROM shop.orders WHERE id > " + changed);
        long extra = 990_001;
        executeOnWarehouse(
                "UPDATE " + orders + " SET note = 'changed in the warehouse' WHERE id = " + changed,
                "DELETE FROM " + orders + " WHERE id = " + deleted,
                "CREATE TEMPORARY TABLE extra_order AS SELECT * FROM " + orders + " WHERE id = " + changed,
                "UPDATE extra_order SET id = " + extra,
                "INSERT INTO " + orders + " SELECT * FROM extra_order");

        Result tampered = verify(file, "--max-lag", "0s", "--chunks", "64");

        assertThat(tampered.exitCode()).as("out: %s\nerr: %s", tampered.out(), tampered.err()).isEqualTo(RunCommand.FAILED);
        long orderRows = sourceLong("SELECT count(*) FROM shop.orders");
        List<String> lines = tampered.lines();
        assertThat(lines).filteredOn(line -> line.startsWith("verify: table=mysql:shop.orders ")).singleElement().asString()
                .startsWith("verify: table=mysql:shop.orders source_rows=" + orderRows + " warehouse_rows=" + orderRows
                        + " chunks=64 differing_chunks=")
                .endsWith(" differing_keys=3");
        assertThat(lines).filteredOn(line -> line.startsWith("  ")).containsExactlyInAnyOrder(
                "  key {\"id\":" + changed + "}: values differ",
                "  key {\"id\":" + deleted + "}: only in the source",
                "  key {\"id\":" + extra + "}: only in the warehouse");
        assertThat(lines).filteredOn(line -> line.startsWith("verify: table=mysql:shop.customers ")
                        || line.startsWith("verify: table=mysql:shop.products "))
                .hasSize(2).allMatch(line -> line.endsWith(" differing_chunks=0 differing_keys=0"));
        assertThat(lines.get(lines.size() - 1)).endsWith(" mismatches=3");
        assertThat(tampered.err()).contains("the warehouse differs from the source (mismatches=3)");
    }

    @Test
    void aPostgresSourceVerifiesToo() throws Exception {
        Path file = pipelineFile(DemoSources.POSTGRES, "verify-pg");
        RunningPipeline pipeline = start(file);
        try {
            assertThat(awaitConsistent(pipeline.plan()).examples()).isEmpty();

            Result equal = verify(file);

            assertThat(equal.exitCode()).as("out: %s\nerr: %s", equal.out(), equal.err()).isEqualTo(RunCommand.OK);
            assertThat(equal.lines()).hasSize(4);
            assertThat(equal.lines().subList(0, 3)).allMatch(line -> line.startsWith("verify: table=postgres:shop.")
                    && line.endsWith(" chunks=1024 differing_chunks=0 differing_keys=0"));
            assertThat(equal.lines().get(3)).startsWith("verify: tables=3 ").endsWith(" mismatches=0");
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
        String customers = Playground.warehouseSchema("verify-pg") + ".shop_customers";
        long changed = warehouseLong("SELECT MIN(id) FROM " + customers + " WHERE NOT _cdc_deleted");
        executeOnWarehouse("UPDATE " + customers + " SET full_name = full_name || ' (edited)' WHERE id = " + changed);

        Result tampered = verify(file, "--max-lag", "0s");

        assertThat(tampered.exitCode()).isEqualTo(RunCommand.FAILED);
        assertThat(tampered.lines()).filteredOn(line -> line.startsWith("  "))
                .containsExactly("  key {\"id\":" + changed + "}: values differ");
    }

    @Test
    void verifyCreatesNothingAndABadConfigurationExitsWith2() throws Exception {
        Path neverRun = pipelineFile(DemoSources.MYSQL, "verify-never-run");
        Files.writeString(neverRun, Files.readString(neverRun)
                + "transforms:\n  - source-table: shop.customers\n    drop-columns: [avatar]\n");

        Result missing = verify(neverRun, "--max-lag", "0s");

        assertThat(missing.exitCode()).isEqualTo(RunCommand.FAILED);
        assertThat(missing.lines()).containsExactly(
                "verify: table=mysql:shop.customers not verified (transformed)",
                "verify: table=mysql:shop.orders failed: the warehouse table \"verify_never_run\".\"shop_orders\" does not exist in "
                        + "jdbc:postgresql://" + warehouseHostAndPort() + "/warehouse",
                "verify: table=mysql:shop.products failed: the warehouse table \"verify_never_run\".\"shop_products\" does not exist in "
                        + "jdbc:postgresql://" + warehouseHostAndPort() + "/warehouse",
                "verify: tables=3 source_rows=0 warehouse_rows=0 mismatches=2 not_verified=1");
        assertThat(warehouseLong("SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'verify_never_run'"))
                .as("verify is read-only: no schema, no table").isZero();

        Path noSuchTables = pipelineFile(DemoSources.MYSQL, "verify-bad", "tables: shop.\\.*", "tables: nowhere.\\.*");
        Result unmatched = verify(noSuchTables);
        assertThat(unmatched.exitCode()).isEqualTo(RunCommand.BAD_CONFIGURATION);
        assertThat(unmatched.err()).contains("Cannot verify pipeline 'verify-bad'", "no table matches nowhere");

        Path badKey = Files.writeString(workDirectory.resolve("bad-key.yaml"),
                Files.readString(pipelineFile(DemoSources.MYSQL, "verify-bad-key")).replace("delete-mode: soft", "delete-mode: sometimes"));
        Result invalid = verify(badKey);
        assertThat(invalid.exitCode()).isEqualTo(RunCommand.BAD_CONFIGURATION);
        assertThat(invalid.err()).contains("warehouse.delete-mode");
        assertThat(invalid.out()).isEmpty();
    }

    private static String equalLine(String table, long rows) {
        return "verify: table=" + table + " source_rows=" + rows + " warehouse_rows=" + rows
                + " chunks=1024 differing_chunks=0 differing_keys=0";
    }

    private static String warehouseHostAndPort() throws SQLException {
        try (Connection connection = playground.warehouseConnection()) {
            String url = connection.getMetaData().getURL();
            return url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
        }
    }

    private static long sourceLong(String query) throws SQLException {
        try (Connection connection = playground.sourceAdminConnection()) {
            return queryLong(connection, query);
        }
    }

    private static long warehouseLong(String query) throws SQLException {
        try (Connection connection = playground.warehouseConnection()) {
            return queryLong(connection, query);
        }
    }

    private static long queryLong(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void executeOnWarehouse(String... statements) throws SQLException {
        try (Connection connection = playground.warehouseConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
