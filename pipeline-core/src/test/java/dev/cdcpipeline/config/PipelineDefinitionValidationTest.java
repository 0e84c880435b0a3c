package dev.cdcpipeline.config;

import static dev.cdcpipeline.config.PipelineDefinitionParserTest.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid definitions: each problem names its key and what was expected, and all of them are reported at once. */
class PipelineDefinitionValidationTest {

    @Test
    void reportsEveryProblemOfTheFileAtOnceOnePerLine() {
        PipelineConfigException error = parseExpectingError("""
                pipeline:
                  name: Shop Mirror
                  parallelism: 0
                source:
                  type: oracle
                  hostname: db.example.com
                  port: abc
                  username: cdc
                  password: secret
                  tables: shop.orders
                  server-time-zone: Mars/Olympus
                  startup-mode: earliest
                  snapshot-chunk-size: -5
                  sever-id: 5400
                warehouse:
                  username: loader
                  password: pw
                  table-name: "{database}_{tabel}"
                  delete-mode: purge
                  batch-size: many
                  flush-interval: soon
                  max-retries: -1
                kafka:
                  bootstrap-servers: localhost:9092
                  topic: all-changes
                  delivery: exactly_once
                  topic-partitions: 0
                dedup:
                  state-ttl: 0s
                sorce:
                  type: mysql
                flink:
                  execution.checkpointing.interval: often
                  execution.checkpointing.dir: /var/lib/cdc
                """);

        assertThat(error.getProblems()).containsExactly(
                "pipeline.name: expected a name of 1 to 63 characters a-z, 0-9, '_' or '-', starting with a letter,"
                        + " got 'Shop Mirror'",
                "pipeline.parallelism: expected an integer >= 1, got '0'",
                "source.type: expected one of mysql, mariadb, postgres, got 'oracle'",
                "source.port: expected an integer between 1 and 65535, got 'abc'",
                "source.server-time-zone: expected a time zone ID such as UTC or Europe/Berlin, got 'Mars/Olympus'",
                "source.startup-mode: expected one of initial, latest, snapshot-only, got 'earliest'",
                "source.snapshot-chunk-size: expected an integer >= 1, got '-5'",
                "source.sever-id: unknown key; expected one of type, name, hostname, port, username, password, tables,"
                        + " server-id, server-time-zone, startup-mode, snapshot-chunk-size, debezium.*,"
                        + " jdbc.properties.*",
                "warehouse.url: required key is missing (a JDBC URL such as jdbc:postgresql://host:5432/db,"
                        + " without a password parameter (set password instead))",
                "warehouse.table-name: expected a name containing {table}, and optionally {pipeline}, {source} and {database},"
                        + " as placeholders, got '{database}_{tabel}'",
                "warehouse.delete-mode: expected one of soft, hard, got 'purge'",
                "warehouse.batch-size: expected an integer >= 1, got 'many'",
                "warehouse.flush-interval: expected a duration > 0 such as 500ms, 10s, 15min or 7d, got 'soon'",
                "warehouse.max-retries: expected an integer >= 0, got '-1'",
                "kafka.topic: expected a name containing {table}, and optionally {pipeline}, {source} and {database},"
                        + " as placeholders, got 'all-changes'",
                "kafka.delivery: expected one of exactly-once, at-least-once, got 'exactly_once'",
                "kafka.topic-partitions: expected an integer >= 1, got '0'",
                "dedup.state-ttl: expected a duration > 0 such as 500ms, 10s, 15min or 7d, got '0s'",
                "flink.execution.checkpointing.interval: expected a duration > 0 such as 500ms, 10s, 15min or 7d,"
                        + " got 'often'",
                "flink.execution.checkpointing.dir: expected a URI with a scheme, such as"
                        + " file:///var/lib/cdc/checkpoints or s3://bucket/checkpoints, got '/var/lib/cdc'",
                "sorce: unknown key; expected one of pipeline, source, sources, warehouse, kafka, dedup, flink, transforms, features");
        assertThat(error.getMessage())
                .startsWith("Invalid pipeline definition:" + System.lineSeparator()
                        + "  - pipeline.name: expected a name of 1 to 63 characters")
                .contains(System.lineSeparator() + "  - source.port: expected an integer between 1 and 65535, got 'abc'"
                        + System.lineSeparator())
                .endsWith(System.lineSeparator()
                        + "  - sorce: unknown key; expected one of pipeline, source, sources, warehouse, kafka, dedup, flink, transforms, features");
    }

    @Test
    void reportsMissingRequiredSectionsAndKeys() {
        PipelineConfigException error = parseExpectingError("""
                pipeline:
                  parallelism: 2
                source:
                  type: mysql
                """);

        assertThat(error.getProblems()).containsExactly(
                "pipeline.name: required key is missing (a name of 1 to 63 characters a-z, 0-9, '_' or '-',"
                        + " starting with a letter)",
                "source.hostname: required key is missing (a host name)",
                "source.username: required key is missing (a user name)",
                "source.password: required key is missing (a password; write \"\" for an empty one)",
                "source.tables: required key is missing (a YAML list or a comma-separated string of database.table,"
                        + " each part a name or a Java regular expression (shop.orders, shop.order_.*, shop.\\.*))",
                "warehouse, kafka: expected at least one of these sink sections, got neither");
    }

    @Test
    void reportsAMissingSourceSection() {
        PipelineConfigException error = parseExpectingError("""
                pipeline:
                  name: shop
                kafka:
                  bootstrap-servers: localhost:9092
                """);

        assertThat(error.getProblems()).containsExactly("source: required section is missing"
                + " (with at least type, hostname, username, password and tables; or sources: a list of such sections)");
    }

    @Test
    void reportsValuesOfTheWrongShape() {
        PipelineConfigException error = parseExpectingError(MINIMAL
                .replace("  hostname: db.example.com\n", "  hostname:\n    - a\n    - b\n  port:\n")
                .replace("password: secret", "password:")
                .replace("tables: shop.orders", "tables: {shop: orders}")
                + "dedup: 7d\n");

        assertThat(error.getProblems()).containsExactly(
                "source.hostname: expected a host name, got a list",
                "source.port: expected an integer between 1 and 65535, got an empty value",
                "source.password: expected a password; write \"\" for an empty one, got an empty value",
                "source.tables: expected a YAML list or a comma-separated string of database.table, each part a name"
                        + " or a Java regular expression (shop.orders, shop.order_.*, shop.\\.*), got a mapping",
                "dedup: expected a mapping of keys, got a single value");
    }

    @Test
    void reportsBadTableEntriesByIndex() {
        PipelineConfigException error = parseExpectingError(MINIMAL.replace("tables: shop.orders", """
                tables:
                    - shop.orders
                    - customers
                    - shop.(unclosed
                    - [nested]
                """));

        assertThat(error.getProblems()).containsExactly(
                "source.tables[1]: expected database.table, each part a name or a Java regular expression"
                        + " (shop.orders, shop.order_.*, shop.\\.*), got 'customers'",
                "source.tables[2]: expected database.table, each part a name or a Java regular expression"
                        + " (shop.orders, shop.order_.*, shop.\\.*), got 'shop.(unclosed'",
                "source.tables[3]: expected a single value, got a list");
    }

    @Test
    void reportsAnEmptyTableEntryAndAnEmptyTableList() {
        assertThat(parseExpectingError(MINIMAL.replace("tables: shop.orders", "tables: shop.orders,,shop.items"))
                .getProblems())
                .containsExactly("source.tables[1]: expected database.table, each part a name or a Java regular"
                        + " expression (shop.orders, shop.order_.*, shop.\\.*), got an empty string");
        assertThat(parseExpectingError(MINIMAL.replace("tables: shop.orders", "tables: []")).getProblems())
                .singleElement().asString().startsWith("source.tables: expected at least one entry");
    }

    @Test
    void requiresTheServerIdRangeToCoverTheParallelism() {
        PipelineConfigException error = parseExpectingError(MINIMAL
                .replace("  name: shop-mirror\n", "  name: shop-mirror\n  parallelism: 4\n")
                .replace("  tables: shop.orders\n", "  tables: shop.orders\n  server-id: 5400-5401\n"));

        assertThat(error.getProblems()).containsExactly("source.server-id: expected a range of at least 4 server ids"
                + " (one per source reader, as pipeline.parallelism is 4), got '5400-5401' (2 ids)");
    }

    @Test
    void rejectsServerIdsOutOfBounds() {
        for (String serverId : List.of("0", "5404-5400", "4294967296", "54a0", "5400-")) {
            assertThat(parseExpectingError(MINIMAL.replace("  tables: shop.orders\n",
                    "  tables: shop.orders\n  server-id: " + serverId + "\n")).getProblems())
                    .as(serverId)
                    .containsExactly("source.server-id: expected a server id or an inclusive range a-b with"
                            + " 1 <= a <= b <= 4294967295, got '" + serverId + "'");
        }
    }

    @Test
    void rejectsDurationsThatAreNotPositiveOrDoNotFit() {
        for (String duration : List.of("0", "-1s", "1.5s", "ten seconds", "9223372036854775807d", "\"\"")) {
            assertThat(parseExpectingError(MINIMAL + "dedup:\n  state-ttl: " + duration + "\n").getProblems())
                    .as(duration)
                    .singleElement().asString()
                    .startsWith("dedup.state-ttl: expected a duration > 0 such as 500ms, 10s, 15min or 7d, got ");
        }
    }

    @Test
    void limitsTheTransactionTimeoutToTheBrokerDefaultWithExactlyOnce() {
        String kafka = MINIMAL.replace("  bootstrap-servers: localhost:9092\n",
                "  bootstrap-servers: localhost:9092\n  transaction-timeout: 1h\n");

        assertThat(parseExpectingError(kafka).getProblems()).containsExactly(
                "kafka.transaction-timeout: expected at most 15min with delivery exactly-once, because Kafka brokers"
                        + " refuse longer transactions unless their transaction.max.timeout.ms (default 15min) is"
                        + " raised, got 1 h");
        // The limit concerns transactions only.
        assertThat(PipelineDefinitionParser.parse(kafka + "  delivery: at-least-once\n", Map.of())
                .kafka().orElseThrow().transactionTimeout()).hasHours(1);
    }

    @Test
    void refusesPassThroughPropertiesThatHaveTheirOwnKey() {
        PipelineConfigException error = parseExpectingError(MINIMAL + """
                  properties.bootstrap.servers: other:9092
                  properties.transaction.timeout.ms: 3600000
                """);

        assertThat(error.getProblems()).containsExactly(
                "kafka.properties.bootstrap.servers: not accepted as a pass-through property;"
                        + " set kafka.bootstrap-servers instead",
                "kafka.properties.transaction.timeout.ms: not accepted as a pass-through property;"
                        + " set kafka.transaction-timeout instead");
    }

    @Test
    void refusesDeprecatedNamesOfTheCheckpointDirectoryAndNestedFlinkOptions() {
        PipelineConfigException error = parseExpectingError(MINIMAL + """
                flink:
                  state.checkpoints.dir: file:///tmp/checkpoints
                  execution:
                    checkpointing:
                      interval: 10s
                """);

        assertThat(error.getProblems()).containsExactly(
                "flink.execution: expected a single value (write nested options as flat keys, such as"
                        + " execution.checkpointing.interval: 10s), got a mapping",
                "flink.state.checkpoints.dir: deprecated name of execution.checkpointing.dir; use that key instead");
    }

    @Test
    void rejectsAJdbcUrlForAnotherDatabase() {
        PipelineConfigException error = parseExpectingError(MINIMAL + """
                warehouse:
                  url: jdbc:mysql://localhost:3306/warehouse
                  username: loader
                  password: pw
                """);

        assertThat(error.getProblems()).containsExactly("warehouse.url: expected a JDBC URL such as"
                + " jdbc:postgresql://host:5432/db, without a password parameter (set password instead),"
                + " got 'jdbc:mysql://localhost:3306/warehouse'");
    }

    @Test
    void reportsDuplicateKeys() {
        PipelineConfigException error = parseExpectingError(MINIMAL.replace("  hostname: db.example.com\n",
                "  hostname: db.example.com\n  hostname: other.example.com\n"));

        assertThat(error.getProblems()).containsExactly("source.hostname: duplicate key; each key may appear once"
                + " in a section");
    }

    @Test
    void reportsAnUnsetEnvironmentVariableByKeyAndName() {
        PipelineConfigException error = parseExpectingError(MINIMAL
                .replace("password: secret", "password: ${MYSQL_PASSWORD}")
                .replace("db.example.com", "${DB_HOST}.${DB_DOMAIN:-example.com}"));

        assertThat(error.getProblems()).containsExactly(
                "source.hostname: environment variable DB_HOST is not set",
                "source.password: environment variable MYSQL_PASSWORD is not set");
    }

    @Test
    void substitutesEnvironmentVariablesBeforeCheckingTheValue() {
        String withVariables = MINIMAL.replace("  hostname: db.example.com\n",
                "  hostname: db.example.com\n  port: ${MYSQL_PORT:-3306}\n");

        assertThat(onlySource(PipelineDefinitionParser.parse(withVariables, Map.of("MYSQL_PORT", "3307"))).port())
                .isEqualTo(3307);
        assertThat(onlySource(PipelineDefinitionParser.parse(withVariables, Map.of())).port()).isEqualTo(3306);
        assertThat(parseExpectingError(withVariables, Map.of("MYSQL_PORT", "none")).getProblems())
                .containsExactly("source.port: expected an integer between 1 and 65535, got 'none'");
    }

    @Test
    void reportsYamlSyntaxErrorsWithLineAndColumn() {
        PipelineConfigException error = parseExpectingError("""
                pipeline:
                  name: shop
                source:
                  hostname: db: example
                """);

        assertThat(error.getProblems()).containsExactly(
                "YAML syntax error at line 4, column 15: mapping values are not allowed here");
    }

    @Test
    void reportsDocumentsThatAreNotAMappingOfSections() {
        assertThat(parseExpectingError("").getProblems()).containsExactly(
                "the definition is empty; expected the sections pipeline, source, and warehouse and/or kafka");
        assertThat(parseExpectingError("# only a comment\n").getProblems()).containsExactly(
                "the definition is empty; expected the sections pipeline, source, and warehouse and/or kafka");
        assertThat(parseExpectingError("- pipeline\n- source\n").getProblems()).containsExactly(
                "expected a mapping of sections (pipeline, source, ...) at the top level, got a list");
        assertThat(parseExpectingError("just text").getProblems()).containsExactly(
                "expected a mapping of sections (pipeline, source, ...) at the top level, got a single value");
        assertThat(parseExpectingError(MINIMAL + "---\n" + MINIMAL).getProblems()).containsExactly(
                "the file holds more than one YAML document (---); expected exactly one");
    }

    @Test
    void namesTheFileInTheMessage(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("shop.yaml");
        Files.writeString(file, MINIMAL.replace("type: mysql", "type: oracle"));

        PipelineConfigException error = catchThrowableOfType(PipelineConfigException.class,
                () -> PipelineDefinitionParser.parseFile(file, Map.of()));

        assertThat(error).hasMessage("Invalid pipeline definition " + file + ":" + System.lineSeparator()
                + "  - source.type: expected one of mysql, mariadb, postgres, got 'oracle'");
    }

    @Test
    void namesAFileThatDoesNotExist(@TempDir Path directory) {
        Path missing = directory.resolve("missing.yaml");

        PipelineConfigException error = catchThrowableOfType(PipelineConfigException.class,
                () -> PipelineDefinitionParser.parseFile(missing, Map.of()));

        assertThat(error).hasMessage("Invalid pipeline definition " + missing + ":" + System.lineSeparator()
                + "  - the file does not exist");
    }

    private static PipelineConfigException parseExpectingError(String yaml) {
        return parseExpectingError(yaml, Map.of());
    }

    private static PipelineConfigException parseExpectingError(String yaml, Map<String, String> environment) {
        PipelineConfigException error = catchThrowableOfType(PipelineConfigException.class,
                () -> PipelineDefinitionParser.parse(yaml, environment));
        assertThat(error).as("expected the definition to be rejected").isNotNull();
        return error;
    }

    /** The definition's one source, a MySQL source in these tests. */
    private static MySqlSourceSettings onlySource(PipelineDefinition definition) {
        assertThat(definition.sources()).hasSize(1);
        return (MySqlSourceSettings) definition.sources().get(0);
    }
}
