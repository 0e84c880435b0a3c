package dev.cdcpipeline.local.verify;

import dev.cdcpipeline.verify.CanonicalValues;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a topic from its start to its end as a {@code read_committed} consumer sees it: only
 * records of committed transactions, up to the last stable offset.
 */
public final class CommittedTopicReader {

    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    /** A record's key and value, parsed as JSON; the value is null for a tombstone. */
    public record JsonRecord(JsonNode key, JsonNode value) {}

    private CommittedTopicReader() {}

    /**
     * A consumer of every partition of the topic, at its beginning. No consumer group: it assigns
     * itself the partitions, so nothing is left behind on the broker.
     */
    public static KafkaConsumer<byte[], byte[]> fromBeginning(Properties properties, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    public static List<JsonRecord> readAll(String bootstrapServers, Map<String, String> clientProperties, String topic) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<JsonRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(properties, topic)) {
            List<TopicPartition> partitions = List.copyOf(consumer.assignment());
            // With read_committed, the end offsets are the last stable offsets: all committed data.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            Set<TopicPartition> unfinished = new HashSet<>(partitions);
            while (true) {
                unfinished.removeIf(partition -> consumer.position(partition) >= end.get(partition));
                if (unfinished.isEmpty()) {
                    return records;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read topic " + topic + " to its end within " + READ_LIMIT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode value = record.value() == null ? null : CanonicalValues.JSON.readTree(record.value());
                    records.add(new JsonRecord(CanonicalValues.JSON.readTree(record.key()), value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A record of topic " + topic + " is not JSON", e);
        }
    }
}
