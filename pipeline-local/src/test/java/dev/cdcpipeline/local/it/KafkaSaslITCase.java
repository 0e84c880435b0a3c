package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.cli.RunCommand;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.LocalEnvironments;
import dev.cdcpipeline.local.infra.Credentials;
import dev.cdcpipeline.local.infra.EmbeddedKafka;
import dev.cdcpipeline.local.infra.EmbeddedMariaDb;
import dev.cdcpipeline.local.infra.SaslPlain;
import dev.cdcpipeline.local.verify.CommittedTopicReader;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A broker that only speaks SASL_PLAINTEXT with PLAIN: the pipeline's Kafka settings reach every
 * Kafka client it has (the topic setup before the job, the change and dead-letter sinks with their
 * transactions), and a wrong password stops the pipeline before its job starts, without the
 * password in the message.
 */
class KafkaSaslITCase {

    private static final String PIPELINE = "sasl";
    private static final String JAAS_VARIABLE = "KAFKA_JAAS_CONFIG";
    private static final String SOURCE_PASSWORD_VARIABLE = "SOURCE_PASSWORD";
    private static final long SENTINEL = 99;

    @TempDir
    static Path workDirectory;

    private static final Credentials SOURCE_ADMIN = Credentials.withRandomPassword("shop_admin");
    private static final Credentials SOURCE_CDC = Credentials.withRandomPassword("cdc");
    private static final Credentials KAFKA_CLIENT = Credentials.withRandomPassword("pipeline");
    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startServers() throws Exception {
        mariaDb = SourceWithUnreadableRow.start(workDirectory.resolve("servers"), SOURCE_ADMIN, SOURCE_CDC, "sasl");
        kafka = EmbeddedKafka.startWithSaslPlain(workDirectory.resolve("servers"), KAFKA_CLIENT);
    }

    @AfterAll
    static void stopServers() throws Exception {
        IOUtils.closeAll(kafka, mariaDb);
    }

    @Test
    void changeRecordsAndDeadLettersReachTheBrokerThroughSasl() throws Exception {
        Map<String, String> environment = environment(SaslPlain.jaasConfig(KAFKA_CLIENT));
        RunningPipeline pipeline = PipelineTestSupport.start(PipelineDefinitionParser.parse(pipelineYaml(), environment));
        try {
            // Changes made before the snapshot has read the table would be snapshot reads.
            awaitCondition("the snapshot committed, read through SASL", () -> !committed("sasl.sasl.items").isEmpty());
            mariaDb.executeScript("INSERT INTO sasl.items VALUES (3, NULL, 'three');"
                    // Over the producer's max.request.size of 16 KiB: a dead letter of the Kafka stage.
                    + " INSERT INTO sasl.items VALUES (4, NULL, REPEAT('x', 30000));"
                    + " INSERT INTO sasl.items VALUES (" + SENTINEL + ", NULL, 'last');");

            awaitCondition("the last change committed, read through SASL", () -> committed("sasl.sasl.items").stream()
                    .anyMatch(record -> record.key().get("id").asLong() == SENTINEL));
            // Its checkpoint has covered every earlier record; both sinks commit on its completion.
            awaitCondition("the dead letters committed, read through SASL", () -> committed("sasl.dead-letters").size() >= 2);

            assertThat(committed("sasl.sasl.items"))
                    .extracting(record -> record.value().get("op").asText() + record.key().get("id").asLong())
                    .containsExactlyInAnyOrder("r1", "c3", "c99");
            assertThat(committed("sasl.dead-letters"))
                    .extracting(record -> record.value().get("stage").asText() + " " + record.value().at("/event/key/id").asLong())
                    .containsExactlyInAnyOrder("source 2", "kafka 4");
            assertThat(pipeline.job().getJobStatus().get().isGloballyTerminalState()).isFalse();
        } finally {
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWrongPasswordStopsThePipelineBeforeItsJobStartsWithoutShowingIt() throws Exception {
        Credentials wrong = Credentials.withRandomPassword(KAFKA_CLIENT.user());
        Path file = Files.writeString(workDirectory.resolve("sasl-wrong.yaml"), pipelineYaml());
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream printed = new PrintStream(output, true, StandardCharsets.UTF_8);

        int exitCode = RunCommand.run(file, environment(SaslPlain.jaasConfig(wrong)), LocalEnvironments::create, printed, printed);

        String message = output.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(message).isEqualTo(RunCommand.BAD_CONFIGURATION);
        assertThat(message).startsWith("Cannot start pipeline 'sasl'")
                .contains("kafka.properties: Kafka " + kafka.bootstrapServers() + " refused the pipeline's login")
                .contains("security.protocol SASL_PLAINTEXT, sasl.mechanism PLAIN")
                .contains("Authentication failed")
                .doesNotContain(wrong.password())
                .doesNotContain(KAFKA_CLIENT.password())
                .doesNotContain("PlainLoginModule");
        assertThat(message.lines().count()).as("one message: %s", message).isLessThanOrEqualTo(2);
    }

    private static List<JsonRecord> committed(String topic) {
        return CommittedTopicReader.readAll(kafka.bootstrapServers(), kafka.clientProperties(), topic);
    }

    private static Map<String, String> environment(String jaasConfig) {
        return Map.of(SOURCE_PASSWORD_VARIABLE, SOURCE_CDC.password(), JAAS_VARIABLE, jaasConfig);
    }

    /** The secrets come from the environment, as in production: the file holds none. */
    private static String pipelineYaml() {
        return SourceWithUnreadableRow.pipelineAndSource(PIPELINE, mariaDb, SOURCE_CDC, SOURCE_PASSWORD_VARIABLE, "sasl", "5600-5699")
                + """
                kafka:
                  bootstrap-servers: %s
                  delivery: exactly-once
                  properties.security.protocol: SASL_PLAINTEXT
                  properties.sasl.mechanism: PLAIN
                  properties.sasl.jaas.config: ${%s}
                  properties.max.request.size: 16384
                """.formatted(kafka.bootstrapServers(), JAAS_VARIABLE)
                + SourceWithUnreadableRow.flinkSection(workDirectory.resolve("checkpoints"));
    }
}
