package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.cli.RunCommand;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.LocalEnvironments;
import dev.cdcpipeline.local.infra.Credentials;
import dev.cdcpipeline.local.infra.EmbeddedMariaDb;
import dev.cdcpipeline.local.infra.FreePorts;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.flink.util.IOUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The warehouse over TLS: a PostgreSQL that refuses unencrypted connections ({@code hostnossl ...
 * reject}) and presents a certificate made for this test. The pipeline's warehouse URL asks for
 * {@code sslmode=verify-full} with that certificate as root, so every warehouse connection of the
 * pipeline (the setup before the job, the JDBC sinks of the table and of the dead letters) is
 * encrypted and checks the server; a root that did not sign the server's certificate stops the
 * pipeline before its job starts.
 */
class WarehouseTlsITCase {

    private static final String PIPELINE = "tls";
    private static final String WAREHOUSE_DATABASE = "warehouse";
    private static final String SOURCE_PASSWORD_VARIABLE = "SOURCE_PASSWORD";
    private static final String WAREHOUSE_PASSWORD_VARIABLE = "WAREHOUSE_PASSWORD";
    /** The server trusts every TLS connection from the loopback interface: what is tested is the TLS, not the password. */
    private static final Credentials WAREHOUSE_USER = Credentials.withRandomPassword("postgres");

    @TempDir
    static Path workDirectory;

    private static final Credentials SOURCE_ADMIN = Credentials.withRandomPassword("shop_admin");
    private static final Credentials SOURCE_CDC = Credentials.withRandomPassword("cdc");
    private static SelfSignedCertificate serverCertificate;
    private static SelfSignedCertificate strangerCertificate;
    private static EmbeddedPostgres warehouse;
    private static EmbeddedMariaDb mariaDb;

    @BeforeAll
    static void startServers() throws Exception {
        Path tls = workDirectory.resolve("tls");
        serverCertificate = SelfSignedCertificate.create(tls, "warehouse");
        strangerCertificate = SelfSignedCertificate.create(tls, "stranger");
        Path hba = Files.writeString(tls.resolve("pg_hba.conf"), """
                local all all trust
                hostssl all all 127.0.0.1/32 trust
                hostnossl all all 0.0.0.0/0 reject
                """);
        warehouse = EmbeddedPostgres.builder()
                .setDataDirectory(workDirectory.resolve("warehouse-data"))
                .setPort(FreePorts.pick(1)[0])
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", serverCertificate.certificate().toString())
                .setServerConfig("ssl_key_file", serverCertificate.privateKey().toString())
                .setServerConfig("hba_file", hba.toString())
                .start();
        try (Connection connection = warehouseConnection("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + WAREHOUSE_DATABASE);
        }
        mariaDb = SourceWithUnreadableRow.start(workDirectory.resolve("servers"), SOURCE_ADMIN, SOURCE_CDC, "tls");
    }

    @AfterAll
    static void stopServers() throws Exception {
        IOUtils.closeAll(mariaDb, warehouse);
    }

    @Test
    void rowsAndDeadLettersReachAWarehouseThatOnlyAcceptsTls() throws Exception {
        RunningPipeline pipeline = PipelineTestSupport.start(
                PipelineDefinitionParser.parse(pipelineYaml(serverCertificate.certificate()), environment()));
        try {
            awaitCondition("the snapshot in the warehouse", () -> warehouseIds().equals(List.of(1L)));
            // PostgreSQL text cannot hold NUL: a dead letter of the warehouse stage, stored in the
            // warehouse's dead-letter table (this pipeline has no Kafka).
            mariaDb.executeScript("INSERT INTO tls.items VALUES (3, NULL, CONCAT('a', CHAR(0), 'b'));"
                    + " INSERT INTO tls.items VALUES (4, NULL, 'four');");

            awaitCondition("row 4 in the warehouse and both dead letters in its table",
                    () -> warehouseIds().equals(List.of(1L, 4L)) && deadLetters().size() == 2);
            assertThat(deadLetters()).containsExactly("source mysql:tls.items 2", "warehouse mysql:tls.items 3");
            // jsonb holds no NUL: the dead-letter table keeps it as the text of its escape.
            assertThat(query("SELECT event #>> '{after,note}' FROM tls.cdc_dead_letters WHERE stage = 'warehouse'", rows -> rows.getString(1)))
                    .containsExactly("a\\u0000b");
            long[] connections = encryptedAndAllConnections();
            assertThat(connections[1]).as("the pipeline's connections to the warehouse database").isPositive();
            assertThat(connections[0]).as("of them encrypted").isEqualTo(connections[1]);
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRootThatDidNotSignTheServersCertificateStopsThePipelineBeforeItsJobStarts() throws Exception {
        Path file = Files.writeString(workDirectory.resolve("tls-stranger.yaml"), pipelineYaml(strangerCertificate.certificate()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8);

        int exitCode = RunCommand.run(file, environment(), LocalEnvironments::create, printed, printed);

        String message = output.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(message).isEqualTo(RunCommand.BAD_CONFIGURATION);
        assertThat(message).doesNotContain("started as Flink job")
                .contains("warehouse.url: cannot connect to the warehouse jdbc:postgresql://127.0.0.1:" + warehouse.getPort())
                .contains("SSL error")
                .doesNotContain(WAREHOUSE_USER.password());
    }

    private static Map<String, String> environment() {
        return Map.of(SOURCE_PASSWORD_VARIABLE, SOURCE_CDC.password(), WAREHOUSE_PASSWORD_VARIABLE, WAREHOUSE_USER.password());
    }

    /** The warehouse URL carries the TLS settings, as README's security section says. */
    private static String pipelineYaml(Path rootCertificate) {
        return SourceWithUnreadableRow.pipelineAndSource(PIPELINE, mariaDb, SOURCE_CDC, SOURCE_PASSWORD_VARIABLE, "tls", "5700-5799")
                + """
                warehouse:
                  url: jdbc:postgresql://127.0.0.1:%d/%s?sslmode=verify-full&sslrootcert=%s
                  username: %s
                  password: ${%s}
                  schema: tls
                  flush-interval: 200ms
                """.formatted(warehouse.getPort(), WAREHOUSE_DATABASE, rootCertificate, WAREHOUSE_USER.user(),
                        WAREHOUSE_PASSWORD_VARIABLE)
                + SourceWithUnreadableRow.flinkSection(workDirectory.resolve("checkpoints"));
    }

    /** The test's own connections verify the server too: the server accepts no other kind. */
    private static Connection warehouseConnection(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + warehouse.getPort() + "/" + database
                + "?sslmode=verify-full&sslrootcert=" + serverCertificate.certificate(), WAREHOUSE_USER.user(), WAREHOUSE_USER.password());
    }

    private static List<Long> warehouseIds() {
        return query("SELECT id FROM tls.tls_items ORDER BY id", rows -> String.valueOf(rows.getLong(1))).stream().map(Long::valueOf).toList();
    }

    /** Each dead letter as its stage, table and the id of its row. */
    private static List<String> deadLetters() {
        return query("SELECT stage, table_name, event #>> '{key,id}' FROM tls.cdc_dead_letters ORDER BY stage",
                rows -> rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
    }

    /** Connections to the warehouse database other than this one: how many are encrypted, how many there are. */
    private static long[] encryptedAndAllConnections() {
        List<String> counts = query("SELECT count(*) FILTER (WHERE s.ssl), count(*) FROM pg_stat_activity a"
                        + " JOIN pg_stat_ssl s ON s.pid = a.pid WHERE a.datname = '" + WAREHOUSE_DATABASE + "' AND a.pid <> pg_backend_pid()",
                rows -> rows.getLong(1) + " " + rows.getLong(2));
        String[] parts = counts.get(0).split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    private interface RowReader {
        String read(ResultSet row) throws SQLException;
    }

    private static List<String> query(String sql, RowReader reader) {
        try (Connection connection = warehouseConnection(WAREHOUSE_DATABASE);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        } catch (SQLException e) {
            // The tables do not exist before the pipeline has created them.
            return List.of();
        }
    }
}
