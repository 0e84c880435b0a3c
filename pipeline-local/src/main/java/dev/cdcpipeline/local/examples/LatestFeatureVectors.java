package dev.cdcpipeline.local.examples;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * A consumer of a feature topic that keeps the latest feature vector of every entity, as an online
 * store or a model server would: a small example to copy from.
 *
 * <p>It reads as a {@code read_committed} consumer, so it sees a record only once the pipeline's
 * checkpoint that covers it has completed, and never a record of an aborted transaction. It
 * commits no offsets (no consumer group): each start rebuilds the vectors from the topic
 * ({@code --from-beginning}) or follows only new records. Each record replaces its entity's vector
 * unless it is older (a smaller {@code valid_at}); a record with {@code "last": true} removes the
 * entity, whose rows have all left the view's windows.
 *
 * <pre>{@code
 * java -cp pipeline-local.jar dev.cdcpipeline.local.examples.LatestFeatureVectors \
 *     localhost:9092 shop.features.customer_orders --from-beginning
 * }</pre>
 *
 * It reads the partitions the topic has when it starts; restart it after adding partitions.
 */
public final class LatestFeatureVectors implements AutoCloseable {

    /**
     * A change of the vectors held.
     *
     * @param entityKey the record key, the entity as JSON: {@code {"customer_id":42}}
     * @param vector the entity's new vector (the whole record), or {@code null} when it was removed
     */
    public record Update(String entityKey, JsonNode vector) {

        public boolean removed() {
            return vector == null;
        }

        @Override
        public String toString() {
            return entityKey + (removed() ? " removed (its last record)" : " -> " + vector);
        }
    }

    // Decimals as written: 25.50 stays 25.50, never a double.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, JsonNode> vectors = new HashMap<>();

    /** Starts reading {@code topic} at its beginning or at its end. */
    public LatestFeatureVectors(String bootstrapServers, String topic, boolean fromBeginning) {
        this(bootstrapServers, topic, fromBeginning, Map.of());
    }

    /** @param clientProperties more consumer properties, such as {@code security.protocol} */
    public LatestFeatureVectors(String bootstrapServers, String topic, boolean fromBeginning, Map<String, String> clientProperties) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Only records of committed transactions: what the pipeline's exactly-once sink has published.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("Kafka at " + bootstrapServers + " has no topic " + topic);
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Waits up to {@code timeout} for records, applies them, and returns the vectors that changed. */
    public List<Update> poll(Duration timeout) {
        List<Update> updates = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            Update update = apply(new String(record.key(), StandardCharsets.UTF_8), record.value());
            if (update != null) {
                updates.add(update);
            }
        }
        return updates;
    }

    /** The latest vector of every entity held, by entity key; a copy. */
    public Map<String, JsonNode> vectors() {
        return Map.copyOf(vectors);
    }

    /** Makes a {@link #poll} that waits, in another thread, return at once with a {@link WakeupException}. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private Update apply(String entityKey, byte[] value) {
        if (value == null) {
            // A tombstone: nobody but an operator compacting the topic by hand writes one.
            return vectors.remove(entityKey) == null ? null : new Update(entityKey, null);
        }
        JsonNode record = parse(value);
        JsonNode held = vectors.get(entityKey);
        if (held != null && validAt(held).isAfter(validAt(record))) {
            return null;
        }
        if (record.path("last").asBoolean(false)) {
            return vectors.remove(entityKey) == null ? null : new Update(entityKey, null);
        }
        vectors.put(entityKey, record);
        return new Update(entityKey, record);
    }

    private static Instant validAt(JsonNode record) {
        return Instant.parse(record.path("valid_at").asText());
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("A record that is not JSON: " + new String(value, StandardCharsets.UTF_8), e);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> positional = new ArrayList<>();
        boolean fromBeginning = false;
        for (String arg : args) {
            if (arg.equals("--from-beginning")) {
                fromBeginning = true;
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 2) {
            System.err.println("usage: LatestFeatureVectors <bootstrap-servers> <topic> [--from-beginning]");
            System.exit(2);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (LatestFeatureVectors latest = new LatestFeatureVectors(positional.get(0), positional.get(1), fromBeginning)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // Ctrl-C: stop the poll, then let main close the consumer.
                latest.wakeup();
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            try {
                while (true) {
                    latest.poll(Duration.ofSeconds(1)).forEach(System.out::println);
                }
            } catch (WakeupException e) {
                System.out.println(latest.vectors().size() + " entities held at exit");
            }
        } finally {
            stopped.countDown();
        }
    }
}
