package dev.cdcpipeline.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code kafka:} section, optional: the Kafka cluster the pipeline writes change records to.
 * At least one of {@code warehouse:} and {@code kafka:} must be present.
 *
 * @param bootstrapServers {@code bootstrap-servers}, required: {@code host:port} pairs separated by
 *     commas, such as {@code broker1:9092,broker2:9092}
 * @param topic {@code topic}, optional, default <code>{pipeline}.{database}.{table}</code>: the topic of
 *     each table, built from the placeholders <code>{pipeline}</code>, <code>{database}</code> and
 *     <code>{table}</code>; it must contain <code>{table}</code>. That the result is a legal topic name
 *     is checked by the sink, which knows the table names.
 * @param delivery {@code delivery}, optional, default {@code exactly-once}: {@code exactly-once} or
 *     {@code at-least-once} (see {@link Delivery})
 * @param transactionTimeout {@code transaction-timeout}, optional, default {@code 15min}: the Kafka
 *     transaction timeout, a duration {@code > 0}; with {@code exactly-once}, at most {@code 15min},
 *     the broker's default {@code transaction.max.timeout.ms} (the broker refuses longer ones)
 * @param topicPartitions {@code topic-partitions}, optional, default 1: partitions of the topics the
 *     pipeline creates, an integer {@code >= 1}
 * @param deadLetterTopic {@code dead-letter-topic}, optional, default <code>{pipeline}.dead-letters</code>:
 *     the topic of the inputs the pipeline set aside (see the README's dead-letter section)
 * @param properties {@code properties.*}, optional: Kafka client properties, the prefix removed, as
 *     Flink's Kafka connector does ({@code properties.security.protocol: SASL_SSL} gives
 *     {@code security.protocol=SASL_SSL}); passed on unchecked, except that
 *     {@code properties.bootstrap.servers} and {@code properties.transaction.timeout.ms} are refused
 *     in favour of the keys above
 */
public record KafkaSettings(
        String bootstrapServers,
        String topic,
        Delivery delivery,
        Duration transactionTimeout,
        int topicPartitions,
        String deadLetterTopic,
        Map<String, String> properties)
        implements Serializable {

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(transactionTimeout, "transactionTimeout");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        properties = PassThroughProperties.copyOf(properties);
    }
}
