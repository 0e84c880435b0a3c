package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.features.FeatureRecord;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts each feature record on its view's topic, keyed by the entity: all records of an entity land
 * in one partition, in the order the sink receives them, and a compacted topic keeps the latest.
 */
final class FeatureKafkaSerializer implements KafkaRecordSerializationSchema<FeatureRecord> {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, Route> routeByView;

    /** A view's topic and record layout. */
    record Route(String topic, FeatureRecordLayout layout) implements Serializable {}

    FeatureKafkaSerializer(Map<String, Route> routeByView) {
        this.routeByView = new HashMap<>(routeByView);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(FeatureRecord record, KafkaSinkContext context, Long timestamp) {
        Route route = routeByView.get(record.view());
        if (route == null) {
            throw new IllegalStateException("No topic for a record of feature view " + record.view()
                    + ", which the pipeline does not define");
        }
        // No record timestamp of our own: the producer's time, so time-based retention never drops a backfill at once.
        return new ProducerRecord<>(route.topic(), FeatureRecordJson.key(route.layout(), record),
                FeatureRecordJson.value(route.layout(), record));
    }
}
