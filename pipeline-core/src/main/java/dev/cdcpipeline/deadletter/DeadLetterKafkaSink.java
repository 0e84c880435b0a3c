package dev.cdcpipeline.deadletter;

import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.sink.kafka.KafkaSinks;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes dead letters to one topic, with the delivery guarantee of the change topics: with
 * exactly-once, a dead letter is visible to {@code read_committed} consumers once, when the
 * checkpoint that covers it completes.
 */
public final class DeadLetterKafkaSink implements DeadLetterSink {

    public static final String UID = "kafka-dead-letters";

    private final KafkaSettings settings;
    private final String pipelineName;
    private final String topic;

    public DeadLetterKafkaSink(KafkaSettings settings, String pipelineName, String topic) {
        this.settings = settings;
        this.pipelineName = pipelineName;
        this.topic = topic;
    }

    @Override
    public void attachTo(DataStream<DeadLetter> deadLetters) {
        deadLetters.sinkTo(kafkaSink()).uid(UID).name("Kafka dead-letter topic");
    }

    private KafkaSink<DeadLetter> kafkaSink() {
        // Its own prefix (sinks sharing one abort each other's transactions), with a dot, which
        // pipeline names cannot hold: "-dead-letters" would be pipeline "x-dead-letters"'s change sink prefix.
        return KafkaSinks.<DeadLetter>builder(settings, "cdc-" + pipelineName + ".dead-letters")
                .setRecordSerializer(new DeadLetterSerializer(topic))
                .build();
    }

    private record DeadLetterSerializer(String topic) implements KafkaRecordSerializationSchema<DeadLetter> {
        @Override
        public ProducerRecord<byte[], byte[]> serialize(DeadLetter deadLetter, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, DeadLetterJson.key(deadLetter), DeadLetterJson.value(deadLetter));
        }
    }
}
