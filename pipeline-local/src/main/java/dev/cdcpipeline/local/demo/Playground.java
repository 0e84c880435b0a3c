package dev.cdcpipeline.local.demo;

import dev.cdcpipeline.local.infra.Credentials;
import dev.cdcpipeline.local.infra.EmbeddedKafka;
import dev.cdcpipeline.local.infra.EmbeddedMariaDb;
import dev.cdcpipeline.local.infra.EmbeddedPostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * The real servers a local pipeline runs against, all in this JVM's care: MariaDB with the binlog
 * on (the source), PostgreSQL (the warehouse) and a Kafka broker. Passwords are random per run
 * and reach the pipeline definition only through {@link #secrets()}, as environment variables
 * would in production.
 */
public final class Playground implements AutoCloseable {

    public static final String WAREHOUSE_DATABASE = "warehouse";
    static final String SOURCE_PASSWORD_VARIABLE = "PLAYGROUND_SOURCE_PASSWORD";
    static final String WAREHOUSE_PASSWORD_VARIABLE = "PLAYGROUND_WAREHOUSE_PASSWORD";

    private final Credentials sourceAdmin;
    private final Credentials sourceCdc;
    private EmbeddedMariaDb mariaDb;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafka kafka;

    private Playground() {
        this.sourceAdmin = Credentials.withRandomPassword("shop_admin");
        this.sourceCdc = Credentials.withRandomPassword("cdc");
    }

    public static Playground start(Path workDirectory) throws Exception {
        Playground playground = new Playground();
        try {
            playground.mariaDb = EmbeddedMariaDb.start(workDirectory, playground.sourceAdmin, playground.sourceCdc);
            playground.postgres = EmbeddedPostgresServer.start(workDirectory);
            playground.postgres.createDatabase(WAREHOUSE_DATABASE);
            playground.kafka = EmbeddedKafka.start(workDirectory);
            return playground;
        } catch (Exception e) {
            playground.close();
            throw e;
        }
    }

    /**
     * A connection to the source as its application (not the CDC user). Updates report the rows
     * they changed, not the rows they matched, so a caller can count the binlog's row events.
     */
    public Connection sourceAdminConnection() throws SQLException {
        return DriverManager.getConnection(mariaDb.jdbcUrl("") + "&useAffectedRows=true", sourceAdmin.user(), sourceAdmin.password());
    }

    /** For suppliers that cannot throw: the load generator's connection source. */
    public Connection sourceAdminConnectionUnchecked() {
        try {
            return sourceAdminConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the source as its application: " + e.getMessage(), e);
        }
    }

    public Connection warehouseConnection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(WAREHOUSE_DATABASE), postgres.user(), postgres.password());
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The environment variables the pipeline file refers to. */
    public Map<String, String> secrets() {
        return Map.of(SOURCE_PASSWORD_VARIABLE, sourceCdc.password(), WAREHOUSE_PASSWORD_VARIABLE, postgres.password());
    }

    /**
     * A pipeline definition mirroring the shop database into the warehouse and Kafka. Each
     * pipeline writes into its own warehouse schema, named after it.
     */
    public String pipelineYaml(String name, int parallelism, Duration checkpointInterval, Path checkpointDirectory, String extraFlinkOptions) {
        return """
                pipeline:
                  name: %s
                  parallelism: %d
                source:
                  type: mariadb
                  hostname: %s
                  port: %d
                  username: %s
                  password: ${%s}
                  tables: shop.\\.*
                  server-id: 5400-5499
                  server-time-zone: UTC
                warehouse:
                  url: %s
                  username: %s
                  password: ${%s}
                  schema: %s
                  delete-mode: soft
                  batch-size: 500
                  flush-interval: 200ms
                kafka:
                  bootstrap-servers: %s
                  topic: "{pipeline}.{database}.{table}"
                  delivery: exactly-once
                  topic-partitions: 2
                dedup:
                  state-ttl: 7d
                flink:
                  execution.checkpointing.interval: %d ms
                  execution.checkpointing.dir: %s
                %s""".formatted(
                name, parallelism,
                mariaDb.host(), mariaDb.port(), sourceCdc.user(), SOURCE_PASSWORD_VARIABLE,
                postgres.jdbcUrl(WAREHOUSE_DATABASE), postgres.user(), WAREHOUSE_PASSWORD_VARIABLE, warehouseSchema(name),
                kafka.bootstrapServers(),
                checkpointInterval.toMillis(), checkpointDirectory.toUri(),
                extraFlinkOptions.lines().map(line -> "  " + line).reduce("", (all, line) -> all + line + "\n"));
    }

    public static String warehouseSchema(String pipelineName) {
        return pipelineName.replace('-', '_');
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (AutoCloseable server : new AutoCloseable[] {kafka, postgres, mariaDb}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
