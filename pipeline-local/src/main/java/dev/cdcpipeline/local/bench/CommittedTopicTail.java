package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.local.verify.CommittedTopicReader;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows a topic from its beginning as a {@code read_committed} consumer, on a bench thread, and
 * hands every batch of records to a {@link Batches} with the time it arrived: what a consumer of
 * the pipeline's topics sees, when it sees it. No consumer group: it assigns itself all partitions.
 */
final class CommittedTopicTail implements AutoCloseable {

    /** Receives the records of each poll. */
    interface Batches {
        void received(ConsumerRecords<byte[], byte[]> records, long receivedAtMillis);
    }

    private static final Duration POLL = Duration.ofMillis(50);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile Exception failure;

    private CommittedTopicTail(BenchThreads threads, Properties properties, String topic, Batches batches) {
        this.thread = threads.start("tail-" + topic, () -> follow(properties, topic, batches));
    }

    /**
     * @param maxWait how long the broker may hold a fetch that has no new committed records:
     *     short for latency probes, where it adds to what is measured
     */
    static CommittedTopicTail start(BenchThreads threads, String bootstrapServers, String topic, Duration maxWait,
            Batches batches) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(maxWait.toMillis()));
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // The broker is local and the bench only counts: CRC checks would only add to its CPU time.
        properties.put(ConsumerConfig.CHECK_CRCS_CONFIG, "false");
        return new CommittedTopicTail(threads, properties, topic, batches);
    }

    private void follow(Properties properties, String topic, Batches batches) {
        try (KafkaConsumer<byte[], byte[]> consumer = CommittedTopicReader.fromBeginning(properties, topic)) {
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    batches.received(records, System.currentTimeMillis());
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    /** @throws IllegalStateException if the consumer failed */
    void check() {
        if (failure != null) {
            throw new IllegalStateException("Reading a topic failed: " + failure, failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
