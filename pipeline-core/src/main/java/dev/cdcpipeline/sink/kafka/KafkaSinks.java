package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.config.Delivery;
import dev.cdcpipeline.config.KafkaSettings;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;

import java.util.Properties;

/**
 * Starts the Kafka sinks of a pipeline, so that every one reaches the cluster, delivers and sets
 * its transaction timeout as the {@code kafka:} section says.
 */
public final class KafkaSinks {

    private KafkaSinks() {}

    /**
     * A builder with all but the record serializer set.
     *
     * @param transactionalIdPrefix the sink's own prefix: two sinks sharing one, in one pipeline or
     *     two, would abort each other's transactions
     */
    public static <T> KafkaSinkBuilder<T> builder(KafkaSettings settings, String transactionalIdPrefix) {
        boolean exactlyOnce = settings.delivery() == Delivery.EXACTLY_ONCE;
        return KafkaSink.<T>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setKafkaProducerConfig(producerProperties(settings))
                .setDeliveryGuarantee(exactlyOnce ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix);
    }

    /**
     * The producer's batching defaults, then the user's {@code properties.*} over them, then the
     * transaction timeout.
     *
     * <p>Why larger batches than Kafka's defaults (16 KiB, no linger): the records of a snapshot
     * or a busy log arrive far faster than one batch per request, and each request costs the
     * producer and the broker about as much as its records; on the bench's snapshot, 256 KiB
     * batches that wait up to 20 ms halved the broker's CPU. The wait is invisible to consumers
     * under exactly-once, which see the records only when the checkpoint commits them.
     */
    static Properties producerProperties(KafkaSettings settings) {
        Properties producer = new Properties();
        producer.setProperty("linger.ms", "20");
        producer.setProperty("batch.size", String.valueOf(256 * 1024));
        producer.putAll(settings.properties());
        // Must stay within the broker's transaction.max.timeout.ms (15 min by default), or every
        // transaction is refused and the job restarts forever.
        producer.setProperty("transaction.timeout.ms", String.valueOf(settings.transactionTimeout().toMillis()));
        return producer;
    }
}
