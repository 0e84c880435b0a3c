package dev.cdcpipeline.local.demo;

import dev.cdcpipeline.local.infra.Credentials;
import dev.cdcpipeline.local.infra.EmbeddedKafka;
import dev.cdcpipeline.local.infra.EmbeddedMariaDb;
import dev.cdcpipeline.local.infra.EmbeddedPostgresServer;
import dev.cdcpipeline.local.infra.TcpProxy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The real servers a local pipeline runs against, all in this JVM's care: MariaDB with the binlog
 * on (the source), PostgreSQL (the warehouse) and a Kafka broker. Passwords are random per run
 * and reach the pipeline definition only through {@link #secrets()}, as environment variables
 * would in production.
 */
public final class Playground implements AutoCloseable {

    public static final String WAREHOUSE_DATABASE = "warehouse";
    /** The PostgreSQL database that holds the shop when PostgreSQL is the source. */
    public static final String POSTGRES_SOURCE_DATABASE = "shop";
    static final String SOURCE_PASSWORD_VARIABLE = "PLAYGROUND_SOURCE_PASSWORD";
    static final String POSTGRES_SOURCE_PASSWORD_VARIABLE = "PLAYGROUND_POSTGRES_SOURCE_PASSWORD";
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
            playground.postgres.createDatabase(POSTGRES_SOURCE_DATABASE);
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

    /** For suppliers that cannot throw: the MariaDB shop's application connection. */
    public Connection sourceAdminConnectionUnchecked() {
        return shopConnectionUnchecked(false);
    }

    /**
     * A connection to the PostgreSQL source database as its application. Strings are sent untyped,
     * so that they fill enum and jsonb columns as they would from SQL text.
     */
    public Connection postgresSourceConnection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(POSTGRES_SOURCE_DATABASE) + "?stringtype=unspecified",
                postgres.user(), postgres.password());
    }

    /** The source application's connection of the given kind of source. */
    public Connection shopConnection(boolean postgresSource) throws SQLException {
        return postgresSource ? postgresSourceConnection() : sourceAdminConnection();
    }

    /** As {@link #shopConnection}, for suppliers that cannot throw. */
    public Connection shopConnectionUnchecked(boolean postgresSource) {
        try {
            return shopConnection(postgresSource);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the shop's database: " + e.getMessage(), e);
        }
    }

    public Connection warehouseConnection() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(WAREHOUSE_DATABASE), postgres.user(), postgres.password());
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The source server itself, to stop and start it (failure injection). */
    public EmbeddedMariaDb mariaDb() {
        return mariaDb;
    }

    /** The broker itself, to stop and start it (failure injection). */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** A relay in front of the warehouse that failure injection can cut (see {@link #throughWarehouseLink}). */
    public TcpProxy startWarehouseLink() throws IOException {
        return TcpProxy.start("warehouse", postgres.port());
    }

    /** A pipeline definition of {@link #pipelineYaml} whose pipeline reaches the warehouse through {@code link}. */
    public String throughWarehouseLink(String pipelineYaml, TcpProxy link) {
        String direct = postgres.jdbcUrl(WAREHOUSE_DATABASE);
        if (!pipelineYaml.contains(direct)) {
            throw new IllegalArgumentException("The pipeline definition does not name the playground's warehouse");
        }
        return pipelineYaml.replace(direct, direct.replace(":" + postgres.port() + "/", ":" + link.port() + "/"));
    }

    /** The environment variables the pipeline file refers to. */
    public Map<String, String> secrets() {
        return Map.of(SOURCE_PASSWORD_VARIABLE, sourceCdc.password(), WAREHOUSE_PASSWORD_VARIABLE, postgres.password(),
                POSTGRES_SOURCE_PASSWORD_VARIABLE, postgres.password());
    }

    /**
     * The environment variables that the scripts in {@code sql/} read their connections from
     * (sql/README.md), set for these servers: the MariaDB shop as the CDC user, the PostgreSQL
     * shop, the warehouse database, the broker.
     */
    public Map<String, String> sqlScriptVariables() {
        return Map.ofEntries(
                Map.entry("MYSQL_HOST", mariaDb.host()),
                Map.entry("MYSQL_PORT", String.valueOf(mariaDb.port())),
                Map.entry("MYSQL_USER", sourceCdc.user()),
                Map.entry("MYSQL_PASSWORD", sourceCdc.password()),
                Map.entry("POSTGRES_HOST", postgres.host()),
                Map.entry("POSTGRES_PORT", String.valueOf(postgres.port())),
                Map.entry("POSTGRES_USER", postgres.user()),
                Map.entry("POSTGRES_PASSWORD", postgres.password()),
                Map.entry("POSTGRES_DATABASE", POSTGRES_SOURCE_DATABASE),
                Map.entry("WAREHOUSE_HOST", postgres.host()),
                Map.entry("WAREHOUSE_PORT", String.valueOf(postgres.port())),
                Map.entry("WAREHOUSE_USER", postgres.user()),
                Map.entry("WAREHOUSE_PASSWORD", postgres.password()),
                Map.entry("WAREHOUSE_DATABASE", WAREHOUSE_DATABASE),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
    }

    /** As {@link #pipelineYaml(DemoSources, String, int, Duration, Path, String)}, reading MariaDB. */
    public String pipelineYaml(String name, int parallelism, Duration checkpointInterval, Path checkpointDirectory, String extraFlinkOptions) {
        return pipelineYaml(DemoSources.MYSQL, name, parallelism, checkpointInterval, checkpointDirectory, extraFlinkOptions);
    }

    /**
     * A pipeline definition mirroring the shop from the chosen sources into the warehouse and Kafka.
     * Each pipeline writes into its own warehouse schema, named after it.
     */
    public String pipelineYaml(DemoSources sources, String name, int parallelism, Duration checkpointInterval,
            Path checkpointDirectory, String extraFlinkOptions) {
        String sourceSections = switch (sources) {
            case MYSQL -> "source:\n" + indent(mySqlSource(), "  ");
            case POSTGRES -> "source:\n" + indent(postgresSource(), "  ");
            case BOTH -> "sources:\n" + indent(mySqlSource(), "    ").replaceFirst("^    ", "  - ")
                    + indent(postgresSource(), "    ").replaceFirst("^    ", "  - ");
        };
        return """
                pipeline:
                  name: %s
                  parallelism: %d
                %swarehouse:
                  url: %s
                  username: %s
                  password: ${%s}
                  schema: %s
                  delete-mode: soft
                  batch-size: 500
                  flush-interval: 200ms
                kafka:
                  bootstrap-servers: %s
                  delivery: exactly-once
                  topic-partitions: 2
                dedup:
                  state-ttl: 7d
                flink:
                  execution.checkpointing.interval: %d ms
                  execution.checkpointing.dir: %s
                %s""".formatted(
                name, parallelism, sourceSections,
                postgres.jdbcUrl(WAREHOUSE_DATABASE), postgres.user(), WAREHOUSE_PASSWORD_VARIABLE, warehouseSchema(name),
                kafka.bootstrapServers(),
                checkpointInterval.toMillis(), checkpointDirectory.toUri(),
                indent(extraFlinkOptions, "  "));
    }

    /**
     * The demo's feature view, a top-level section to append to a pipeline definition: per
     * customer, orders, spend, average order value and last order time over 1h and 24h (from the
     * MariaDB orders when both sources are read).
     */
    public static String demoFeatureViews(DemoSources sources) {
        return """
                features:
                  - name: customer_orders
                    source-table: shop.orders
                    source: %s
                    entity: customer_id
                    event-time: ordered_at
                    windows: [1h, 24h]
                    aggregates:
                      - {name: orders, function: count}
                      - {name: spend, function: sum, column: amount}
                      - {name: avg_order_value, function: avg, column: amount}
                      - {name: last_order_time, function: max, column: ordered_at}
                """.formatted(sources == DemoSources.POSTGRES ? "postgres" : "mysql");
    }

    private String mySqlSource() {
        return """
                type: mariadb
                name: mysql
                hostname: %s
                port: %d
                username: %s
                password: ${%s}
                tables: shop.\\.*
                server-id: 5400-5499
                server-time-zone: UTC
                """.formatted(mariaDb.host(), mariaDb.port(), sourceCdc.user(), SOURCE_PASSWORD_VARIABLE);
    }

    private String postgresSource() {
        return """
                type: postgres
                name: postgres
                hostname: %s
                port: %d
                username: %s
                password: ${%s}
                database: %s
                tables: shop.\\.*
                """.formatted(postgres.host(), postgres.port(), postgres.user(), POSTGRES_SOURCE_PASSWORD_VARIABLE,
                POSTGRES_SOURCE_DATABASE);
    }

    private static String indent(String lines, String prefix) {
        return lines.lines().map(line -> prefix + line + "\n").collect(Collectors.joining());
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
