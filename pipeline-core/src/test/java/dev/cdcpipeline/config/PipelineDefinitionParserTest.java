package dev.cdcpipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Valid definitions: every value lands in the right place, and absent keys take their documented defaults. */
class PipelineDefinitionParserTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "MYSQL_PASSWORD", "mysql-pw",
            "WAREHOUSE_PASSWORD", "warehouse-pw",
            "PGHOST", "pg.example.com",
            "KAFKA_JAAS", "org.apache.kafka.common.security.plain.PlainLoginModule required;");

    /** Only the required keys, with one sink. */
    static final String MINIMAL = """
            pipeline:
              name: shop-mirror
            source:
              type: mysql
              hostname: db.example.com
              username: cdc
              password: secret
              tables: shop.orders
            kafka:
              bootstrap-servers: localhost:9092
            """;

    @Test
    void readsEveryKeyOfAFullFile() throws URISyntaxException {
        PipelineDefinition definition =
                PipelineDefinitionParser.parseFile(resource("config/shop-mirror.yaml"), ENVIRONMENT);

        assertThat(definition.pipeline()).isEqualTo(new PipelineSettings("shop-mirror", 2));

        MySqlSourceSettings source = onlySource(definition);
        assertThat(source.type()).isEqualTo(SourceType.MARIADB);
        assertThat(source.hostname()).isEqualTo("db.example.com");
        assertThat(source.port()).isEqualTo(3307);
        assertThat(source.username()).isEqualTo("cdc");
        assertThat(source.password().value()).isEqualTo("mysql-pw");
        assertThat(source.tables()).containsExactly(
                new TablePattern("shop", "customers"), new TablePattern("shop", "order_.*"));
        assertThat(source.serverId()).isEqualTo(new ServerIdRange(5400, 5404));
        assertThat(source.serverTimeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(source.startupMode()).isEqualTo(StartupMode.SNAPSHOT_ONLY);
        assertThat(source.snapshotChunkSize()).isEqualTo(100_000);
        assertThat(source.debeziumProperties()).containsExactly(entry("poll.interval.ms", "10"));
        assertThat(source.jdbcProperties()).containsExactly(entry("useSSL", "false"));

        WarehouseSettings warehouse = definition.warehouse().orElseThrow();
        assertThat(warehouse.url()).isEqualTo("jdbc:postgresql://pg.example.com:5432/warehouse");
        assertThat(warehouse.username()).isEqualTo("loader");
        assertThat(warehouse.password().value()).isEqualTo("warehouse-pw");
        assertThat(warehouse.schema()).isEqualTo("mirror");
        assertThat(warehouse.tableName()).isEqualTo("{pipeline}_{database}_{table}");
        assertThat(warehouse.deleteMode()).isEqualTo(DeleteMode.HARD);
        assertThat(warehouse.batchSize()).isEqualTo(1000);
        assertThat(warehouse.flushInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(warehouse.maxRetries()).isZero();

        KafkaSettings kafka = definition.kafka().orElseThrow();
        assertThat(kafka.bootstrapServers()).isEqualTo("broker1:9092,broker2:9092");
        assertThat(kafka.topic()).isEqualTo("cdc.{database}.{table}");
        assertThat(kafka.delivery()).isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(kafka.transactionTimeout()).isEqualTo(Duration.ofHours(1)); // allowed: not exactly-once
        assertThat(kafka.topicPartitions()).isEqualTo(6);
        assertThat(kafka.properties()).containsExactly(
                entry("security.protocol", "SASL_SSL"),
                entry("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required;"));

        assertThat(definition.dedup().stateTtl()).isEqualTo(Duration.ofDays(3));

        FlinkSettings flink = definition.flink();
        assertThat(flink.options()).containsExactly(
                entry("execution.checkpointing.interval", "30s"),
                entry("execution.checkpointing.dir", "file:///var/lib/cdc/checkpoints"),
                entry("state.backend.type", "rocksdb"));
        assertThat(flink.checkpointInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(flink.checkpointDir()).contains("file:///var/lib/cdc/checkpoints");
    }

    @Test
    void appliesTheDocumentedDefaultsWhenOptionalKeysAreAbsent() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(MINIMAL, Map.of());

        assertThat(definition.pipeline().parallelism()).isEqualTo(1);
        MySqlSourceSettings source = onlySource(definition);
        assertThat(source.port()).isEqualTo(3306);
        assertThat(source.serverId()).hasToString("5400-5431");
        assertThat(source.serverTimeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(source.startupMode()).isEqualTo(StartupMode.INITIAL);
        assertThat(source.snapshotChunkSize()).isEqualTo(8096);
        assertThat(source.debeziumProperties()).isEmpty();
        assertThat(source.jdbcProperties()).isEmpty();

        assertThat(definition.warehouse()).isEmpty();
        KafkaSettings kafka = definition.kafka().orElseThrow();
        assertThat(kafka.topic()).isEqualTo("{pipeline}.{database}.{table}");
        assertThat(kafka.delivery()).isEqualTo(Delivery.EXACTLY_ONCE);
        assertThat(kafka.transactionTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(kafka.topicPartitions()).isEqualTo(1);
        assertThat(kafka.properties()).isEmpty();

        assertThat(definition.dedup().stateTtl()).isEqualTo(Duration.ofDays(7));
        // The default interval is in the options too, so that handing them to Flink turns checkpoints on.
        assertThat(definition.flink().options()).containsExactly(entry("execution.checkpointing.interval", "10s"));
        assertThat(definition.flink().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(definition.flink().checkpointDir()).isEmpty();
    }

    @Test
    void appliesWarehouseDefaults() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(MINIMAL.replace("""
                kafka:
                  bootstrap-servers: localhost:9092
                """, """
                warehouse:
                  url: jdbc:postgresql://localhost:5432/warehouse
                  username: loader
                  password: ""
                """), Map.of());

        assertThat(definition.kafka()).isEmpty();
        WarehouseSettings warehouse = definition.warehouse().orElseThrow();
        assertThat(warehouse.password().value()).isEmpty();
        assertThat(warehouse.schema()).isEqualTo("public");
        assertThat(warehouse.tableName()).isEqualTo("{database}_{table}");
        assertThat(warehouse.deleteMode()).isEqualTo(DeleteMode.SOFT);
        assertThat(warehouse.batchSize()).isEqualTo(500);
        assertThat(warehouse.flushInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(warehouse.maxRetries()).isEqualTo(3);
    }

    @Test
    void emptySectionsTakeTheirDefaults() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(MINIMAL + "dedup:\nflink:\n", Map.of());

        assertThat(definition.dedup().stateTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(definition.flink().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void readsTablesAsAYamlList() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(MINIMAL.replace("  tables: shop.orders\n", """
                  tables:
                    - shop.\\.*
                    - crm.contact_[0-9]+
                """), Map.of());

        assertThat(onlySource(definition).tables()).containsExactly(
                new TablePattern("shop", ".*"), new TablePattern("crm", "contact_[0-9]+"));
    }

    @Test
    void readsTablesAsACommaSeparatedStringIgnoringBlanksAroundEntries() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(
                MINIMAL.replace("tables: shop.orders", "tables: \"shop.orders ,  shop.\\\\.* \""), Map.of());

        assertThat(onlySource(definition).tables()).containsExactly(
                new TablePattern("shop", "orders"), new TablePattern("shop", ".*"));
    }

    @Test
    void acceptsQuotedAndUnquotedNumbersAndAnyCaseForChoices() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(MINIMAL
                .replace("  hostname: db.example.com\n", "  hostname: db.example.com\n  port: '3310'\n"
                        + "  startup-mode: LATEST\n  server-id: 7000\n")
                .replace("  name: shop-mirror\n", "  name: shop-mirror\n  parallelism: \"1\"\n"), Map.of());

        assertThat(onlySource(definition).port()).isEqualTo(3310);
        assertThat(onlySource(definition).startupMode()).isEqualTo(StartupMode.LATEST);
        assertThat(onlySource(definition).serverId()).isEqualTo(new ServerIdRange(7000, 7000));
        assertThat(definition.pipeline().parallelism()).isEqualTo(1);
    }

    @Test
    void keepsStringsAsWrittenWhereYamlWouldReadANumberOrBoolean() {
        // Plain YAML 1.1 reads 0123 as the octal number 83 and "on" as true; a password must not change.
        PipelineDefinition definition = PipelineDefinitionParser.parse(
                MINIMAL.replace("password: secret", "password: 0123") + "flink:\n  some.flag: on\n", Map.of());

        assertThat(onlySource(definition).password().value()).isEqualTo("0123");
        assertThat(definition.flink().options()).containsEntry("some.flag", "on");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PipelineDefinitionParserTest.class.getClassLoader().getResource(name).toURI());
    }

    /** The definition's one source, a MySQL source in these tests. */
    private static MySqlSourceSettings onlySource(PipelineDefinition definition) {
        assertThat(definition.sources()).hasSize(1);
        return (MySqlSourceSettings) definition.sources().get(0);
    }
}
