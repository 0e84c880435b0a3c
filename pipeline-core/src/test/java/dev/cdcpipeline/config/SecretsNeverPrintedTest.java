package dev.cdcpipeline.config;

import static dev.cdcpipeline.config.PipelineDefinitionParserTest.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Passwords reach drivers through {@link Secret#value()} only: never a toString(), never an error message. */
class SecretsNeverPrintedTest {

    private static final String PASSWORD = "s3cr3t-xyz";

    @Test
    void theDefinitionsToStringHidesEveryCredential() {
        PipelineDefinition definition = PipelineDefinitionParser.parse(MINIMAL
                .replace("password: secret", "password: " + PASSWORD)
                .replace("  tables: shop.orders\n", "  tables: shop.orders\n  jdbc.properties.password: " + PASSWORD
                        + "\n  debezium.database.password: " + PASSWORD + "\n")
                + """
                  properties.security.protocol: SASL_SSL
                  properties.sasl.jaas.config: PlainLoginModule required username="u" password="s3cr3t-xyz";
                warehouse:
                  url: jdbc:postgresql://localhost:5432/warehouse
                  username: loader
                  password: ${WAREHOUSE_PASSWORD}
                flink:
                  s3.secret-key: s3cr3t-xyz
                """, Map.of("WAREHOUSE_PASSWORD", PASSWORD));

        assertThat(onlySource(definition).password().value()).isEqualTo(PASSWORD);
        assertThat(definition.warehouse().orElseThrow().password().value()).isEqualTo(PASSWORD);
        assertThat(definition.toString())
                .doesNotContain(PASSWORD)
                .contains("password=******", "security.protocol=SASL_SSL", "sasl.jaas.config=******",
                        "s3.secret-key=******");
        // Masking is for printing only: the libraries get the real values.
        assertThat(definition.kafka().orElseThrow().properties().get("sasl.jaas.config")).contains(PASSWORD);
    }

    @Test
    void errorsInADefinitionWithAPasswordNeverQuoteIt() {
        PipelineConfigException error = parseExpectingError(MINIMAL
                .replace("password: secret", "password: " + PASSWORD)
                .replace("  hostname: db.example.com\n", "  hostname: db.example.com\n  port: 99999\n")
                + "  passwort: " + PASSWORD + "\n");

        assertThat(error.getProblems()).containsExactly(
                "source.port: expected an integer between 1 and 65535, got '99999'",
                "kafka.passwort: unknown key; expected one of bootstrap-servers, topic, delivery,"
                        + " transaction-timeout, topic-partitions, dead-letter-topic, properties.*");
        assertThat(error).message().doesNotContain(PASSWORD);
    }

    @Test
    void aPasswordOfTheWrongShapeIsDescribedNotQuoted() {
        PipelineConfigException error = parseExpectingError(
                MINIMAL.replace("password: secret", "password: [" + PASSWORD + "]"));

        assertThat(error.getProblems()).containsExactly(
                "source.password: expected a password; write \"\" for an empty one, got a list");
        assertThat(error).message().doesNotContain(PASSWORD);
    }

    @Test
    void aYamlSyntaxErrorOnThePasswordLineDoesNotQuoteTheLine() {
        PipelineConfigException error = parseExpectingError(
                MINIMAL.replace("password: secret", "password: " + PASSWORD + ": oops"));

        assertThat(error.getProblems()).singleElement().asString().startsWith("YAML syntax error at line 7");
        assertThat(error).message().doesNotContain(PASSWORD);
    }

    @Test
    void aJdbcUrlWithAPasswordIsRefusedWithoutPrintingThePassword() {
        PipelineConfigException error = parseExpectingError(MINIMAL + """
                warehouse:
                  url: jdbc:postgresql://localhost:5432/warehouse?user=loader&password=s3cr3t-xyz
                  username: loader
                  password: ""
                """);

        assertThat(error.getProblems()).singleElement().asString()
                .startsWith("warehouse.url: expected a JDBC URL such as jdbc:postgresql://host:5432/db, without a"
                        + " password parameter")
                .endsWith("got 'jdbc:postgresql://localhost:5432/warehouse?user=loader&password=******'");
        assertThat(error).message().doesNotContain(PASSWORD);
    }

    @Test
    void secretEqualityUsesTheValueButItsStringFormNever() {
        assertThat(Secret.of(PASSWORD)).isEqualTo(Secret.of(PASSWORD)).isNotEqualTo(Secret.of("other"));
        assertThat(Secret.of(PASSWORD)).hasToString("******");
        assertThat(Secret.of("")).hasToString("******");
    }

    private static PipelineConfigException parseExpectingError(String yaml) {
        PipelineConfigException error = catchThrowableOfType(PipelineConfigException.class,
                () -> PipelineDefinitionParser.parse(yaml, Map.of()));
        assertThat(error).as("expected the definition to be rejected").isNotNull();
        return error;
    }

    /** The definition's one source, a MySQL source in these tests. */
    private static MySqlSourceSettings onlySource(PipelineDefinition definition) {
        assertThat(definition.sources()).hasSize(1);
        return (MySqlSourceSettings) definition.sources().get(0);
    }
}
