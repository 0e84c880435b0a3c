package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.config.PipelineConfigException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the pipeline's topics that are missing, before the job starts: a transactional producer
 * cannot rely on auto-creation, and a topic created with the broker's defaults may get fewer
 * partitions than the user asked for.
 */
public final class KafkaTopicSetup {

    private static final long TIMEOUT_SECONDS = 60;

    private KafkaTopicSetup() {}

    public static void createMissingTopics(KafkaSettings kafka, Collection<String> topics) {
        Properties properties = new Properties();
        properties.putAll(kafka.properties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<String> missing = new HashSet<>(topics);
            missing.removeAll(existing);
            if (missing.isEmpty()) {
                return;
            }
            // Replication follows the broker's default.replication.factor.
            List<NewTopic> newTopics =
                    missing.stream()
                            .map(topic -> new NewTopic(topic, Optional.of(kafka.topicPartitions()), Optional.empty()))
                            .toList();
            admin.createTopics(newTopics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw loginRefused(kafka, refused);
            }
            throw new IllegalStateException(
                    "Cannot create the topics " + topics + " on Kafka " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Cannot create the topics " + topics + " on Kafka " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the topics", e);
        }
    }

    /**
     * The broker refused the client's login (SASL credentials, a TLS client certificate): a
     * problem of the definition's {@code kafka.properties.*}, reported as such. Kafka's message
     * says what failed, never the credentials, and the properties are not quoted.
     */
    private static PipelineConfigException loginRefused(KafkaSettings kafka, AuthenticationException refused) {
        String protocol = kafka.properties().getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        String mechanism = kafka.properties().getOrDefault(SaslConfigs.SASL_MECHANISM, SaslConfigs.DEFAULT_SASL_MECHANISM);
        return new PipelineConfigException(null, List.of("kafka.properties: Kafka " + kafka.bootstrapServers()
                + " refused the pipeline's login (security.protocol " + protocol + ", sasl.mechanism " + mechanism + "): "
                + refused.getMessage() + "; check the credentials in kafka.properties.sasl.jaas.config (or kafka.properties.ssl.*)"));
    }
}
