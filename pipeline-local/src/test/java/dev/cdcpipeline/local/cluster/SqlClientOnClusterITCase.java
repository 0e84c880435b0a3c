package dev.cdcpipeline.local.cluster;

import static dev.cdcpipeline.local.it.PipelineTestSupport.CHECKPOINT_INTERVAL;
import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitConsistent;
import static dev.cdcpipeline.local.it.PipelineTestSupport.committedRecords;
import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.SqlMirror;
import dev.cdcpipeline.local.it.PlaygroundTestBase;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;
import dev.cdcpipeline.local.verify.ReconciliationReport;
import dev.cdcpipeline.sql.SqlScript;
import dev.cdcpipeline.sql.SqlScript.InsertJob;
import dev.cdcpipeline.sql.SqlScript.SetOption;
import dev.cdcpipeline.sql.SqlScript.SingleStatement;
import dev.cdcpipeline.sql.SqlScript.Step;
import dev.cdcpipeline.sql.SqlStatement;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's own SQL client runs {@code sql/mysql-to-warehouse-and-kafka.sql} on a real standalone cluster with the
 * jar set sql/README.md documents: pipeline-jobs.jar alone ({@code -j}) and {@code sql/sql-client-init.sql}
 * ({@code -i}), as {@code sql-client.sh embedded -i sql/sql-client-init.sql -j pipeline-jobs.jar -f script.sql}
 * would: its own JVM, from the cluster's classpath plus the client and gateway jars (opt/ of a distribution), with
 * {@code FLINK_CONF_DIR} holding a config.yaml that points at the cluster. The script's <code>${NAME}</code>s are
 * replaced first, by the project's own substitution, as the README asks of a user (there with envsubst).
 */
class SqlClientOnClusterITCase extends PlaygroundTestBase {

    private static final Path SCRIPTS = Path.of(Objects.requireNonNull(System.getProperty("cdc.sqlScripts"),
            "the system property cdc.sqlScripts (set by pipeline-local's pom) names the sql/ directory"));
    private static final String CLIENT_MAIN = "org.apache.flink.table.client.SqlClient";
    private static final Duration CLIENT_PATIENCE = Duration.ofSeconds(90);
    private static final Pattern JOB_ID = Pattern.compile("Job ID: ([0-9a-f]{32})");
    private static final int PARALLELISM = 2;
    private static final int ORDERS = 300;

    private static StandaloneFlinkCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        try (Connection connection = playground.sourceAdminConnection()) {
            DemoShop.createAndSeed(connection, 11, ORDERS / 5, ORDERS / 30, ORDERS);
        }
        cluster = StandaloneFlinkCluster.start(workDirectory.resolve("flink"), BuildOutputs.clusterLogDirectory(), Map.of());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theSqlClientSubmitsTheMirrorScriptWithPipelineJobsJarAloneAndTheJobMirrorsEveryChange() throws Exception {
        // The warehouse tables (the jdbc connector creates none) and the topics, as SqlScriptsITCase prepares them.
        SqlMirror mirror = SqlMirror.prepare(playground, Files.readString(SCRIPTS.resolve(SqlMirror.WAREHOUSE_TABLES)));
        Path script = substitutedScript();
        Path logDirectory = BuildOutputs.clusterLogDirectory();
        Path output = logDirectory.resolve("sql-client.out");

        Process client = startSqlClient(script, clientConfiguration(), logDirectory, output);
        String jobId = null;
        try {
            assertThat(client.waitFor(CLIENT_PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("the SQL client ends within %s after running the script\n%s", CLIENT_PATIENCE, Files.readString(output))
                    .isTrue();
            String printed = Files.readString(output);
            assertThat(client.exitValue()).as("the SQL client's exit code\n%s", printed).isZero();
            Matcher submitted = JOB_ID.matcher(printed);
            assertThat(submitted.find()).as("the SQL client printed the job it submitted\n%s", printed).isTrue();
            jobId = submitted.group(1);
            assertThat(submitted.find()).as("one job for the script's one statement set\n%s", printed).isFalse();

            String id = jobId;
            awaitCondition("job " + id + " to run on the cluster", () -> "RUNNING".equals(overviewOf(id).path("state").asText()));
            assertThat(overviewOf(id).path("name").asText()).isEqualTo("sql-mirror-mysql");

            Runnable requireRunning = () -> requireRunning(id);
            ReconciliationReport afterSnapshot = awaitConsistent(mirror.reconciler(), requireRunning);
            assertThat(afterSnapshot.examples()).as(() -> afterSnapshot.summaryLine() + "\n" + describe(id)).isEmpty();
            assertThat(afterSnapshot.warehouseRows()).isEqualTo(afterSnapshot.sourceRows()).isPositive();

            long deletedOrder = queryLong("SELECT MIN(id) FROM shop.orders");
            executeOnSource(playground,
                    "INSERT INTO shop.orders (id, customer_id, product_id, quantity, amount, status, ordered_at, note)"
                            + " VALUES (900001, 1, 1, 2, 19.9900, 'new', '2024-03-31 02:30:00.250000', 'première')",
                    "UPDATE shop.orders SET amount = 25.5000, status = 'paid' WHERE id = 900001",
                    "UPDATE shop.orders SET note = 'zweite Änderung' WHERE id = 900001",
                    "DELETE FROM shop.orders WHERE id = " + deletedOrder,
                    "UPDATE shop.customers SET tier = 'gold', preferences = '{\"locale\": \"fr\", \"n\": 1.50}' WHERE id = 1");

            ReconciliationReport afterChanges = awaitConsistent(mirror.reconciler(), requireRunning);
            assertThat(afterChanges.examples()).as(() -> afterChanges.summaryLine() + "\n" + describe(id)).isEmpty();
            assertThat(afterChanges.consistent()).isTrue();
            assertThat(warehouseCount("SELECT count(*) FROM sql_mirror.shop_orders WHERE id = " + deletedOrder))
                    .as("a delete at the source deletes the warehouse row").isZero();
            assertThat(committedRecords(playground, SqlMirror.TOPIC_PREFIX + ".shop.orders"))
                    .filteredOn(record -> record.key().get("id").asLong() == deletedOrder)
                    .extracting(JsonRecord::value)
                    .last().as("a delete is a tombstone").isNull();
        } finally {
            client.destroyForcibly();
            if (jobId != null) {
                cancel(jobId);
            }
            Files.deleteIfExists(script); // it holds the passwords
        }
    }

    /**
     * The script with its variables replaced by the project's substitution ({@link SqlScript#parse}), written
     * back statement by statement, readable only by this user as the README asks of the substituted file.
     */
    private static Path substitutedScript() throws Exception {
        Map<String, String> variables = new HashMap<>(playground.sqlScriptVariables());
        variables.put("PARALLELISM", String.valueOf(PARALLELISM));
        variables.put("CHECKPOINT_INTERVAL", CHECKPOINT_INTERVAL.toMillis() + " ms");
        variables.put("KAFKA_TOPIC_PREFIX", SqlMirror.TOPIC_PREFIX);
        SqlScript parsed = SqlScript.parse(Files.readString(SCRIPTS.resolve(SqlMirror.SCRIPT)), variables);

        StringBuilder text = new StringBuilder();
        for (Step step : parsed.steps()) {
            if (step instanceof SetOption set) {
                text.append(set.statement().text()).append(";\n");
            } else if (step instanceof SingleStatement single) {
                text.append(single.statement().text()).append(";\n\n");
            } else if (step instanceof InsertJob job) {
                text.append("EXECUTE STATEMENT SET\nBEGIN\n");
                for (SqlStatement insert : job.inserts()) {
                    text.append(insert.text()).append(";\n");
                }
                text.append("END;\n");
            }
        }
        Path file = Files.createFile(workDirectory.resolve("mysql-to-warehouse-and-kafka.substituted.sql"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.writeString(file, text);
    }

    /** A conf/ for the client alone: its config.yaml sends jobs to the running cluster. */
    private static Path clientConfiguration() throws IOException {
        Path directory = Files.createDirectories(workDirectory.resolve("sql-client-conf"));
        Files.writeString(directory.resolve("config.yaml"), String.join("\n",
                "execution.target: remote",
                "rest.address: localhost",
                "rest.port: " + cluster.restPort(),
                ""));
        try (InputStream log4j = SqlClientOnClusterITCase.class.getResourceAsStream("/flink-cluster/log4j.properties")) {
            Files.copy(log4j, directory.resolve("log4j.properties"));
        }
        return directory;
    }

    /**
     * {@code sql-client.sh embedded -i sql/sql-client-init.sql -j pipeline-jobs.jar -f <script>}: that script's
     * classpath is lib/ plus opt/flink-sql-client, opt/flink-sql-gateway and opt/flink-python; here it is the Flink
     * classpath the cluster runs from plus the same jars from Maven Central (both from flink-dist-classpath).
     */
    private static Process startSqlClient(Path script, Path configurationDirectory, Path logDirectory, Path output)
            throws IOException {
        Files.createDirectories(logDirectory);
        Path logFile = logDirectory.resolve("sql-client.log");
        Files.deleteIfExists(logFile);
        String classpath = Files.readString(BuildOutputs.flinkLibClasspathFile()).strip() + File.pathSeparator
                + Files.readString(BuildOutputs.flinkSqlClientClasspathFile()).strip();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(FlinkProcess.JAVA_17_OPENS);
        command.add("-Dlog.file=" + logFile);
        command.add("-Dlog4j.configurationFile=" + configurationDirectory.resolve("log4j.properties").toUri());
        command.addAll(List.of("-cp", classpath, CLIENT_MAIN, "embedded",
                "-i", SCRIPTS.resolve("sql-client-init.sql").toString(),
                "-j", BuildOutputs.pipelineJobsJar().toString(),
                "-f", script.toString(),
                // The client writes every statement it runs, passwords included, to a history file: by default
                // ~/.flink-sql-history, readable by all. Keep it in the test's directory.
                "-hist", configurationDirectory.resolveSibling("sql-client-history").toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("FLINK_CONF_DIR", configurationDirectory.toString());
        return builder.start();
    }

    /** The job's entry of {@code /jobs/overview}; missing while the cluster does not know it. */
    private static JsonNode overviewOf(String jobId) {
        for (JsonNode job : cluster.rest().jobsOverview().path("jobs")) {
            if (job.path("jid").asText().equals(jobId)) {
                return job;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void requireRunning(String jobId) {
        String state = cluster.rest().jobState(jobId);
        if (Set.of("FAILED", "CANCELED", "FINISHED").contains(state)) {
            throw new AssertionError("job " + jobId + " is " + state + "\n" + describe(jobId));
        }
    }

    private static void cancel(String jobId) throws InterruptedException {
        if (!cluster.rest().jobState(jobId).equals("FINISHED")) {
            cluster.rest().cancel(jobId);
            awaitCondition("job " + jobId + " to end",
                    () -> Set.of("CANCELED", "FAILED", "FINISHED").contains(cluster.rest().jobState(jobId)));
        }
    }

    private static String describe(String jobId) {
        try {
            return "job " + jobId + " is " + cluster.rest().jobState(jobId) + "; root exception: "
                    + cluster.rest().rootException(jobId).orElse("none") + "\n" + cluster.logTails();
        } catch (Exception e) {
            return "(cannot describe job " + jobId + ": " + e.getMessage() + ")\n" + cluster.logTails();
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
}
