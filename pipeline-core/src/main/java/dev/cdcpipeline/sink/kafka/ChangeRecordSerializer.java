package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.HashMap;
import java.util.Map;

/** Puts each change on its table's topic, keyed by the primary key so a topic can be compacted. */
final class ChangeRecordSerializer implements KafkaRecordSerializationSchema<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final HashMap<TableId, String> topicByTable;
    private final HashMap<String, String> connectorBySource;

    ChangeRecordSerializer(Map<TableId, String> topicByTable, Map<String, String> connectorBySource) {
        this.topicByTable = new HashMap<>(topicByTable);
        this.connectorBySource = new HashMap<>(connectorBySource);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(ChangeEvent change, KafkaSinkContext context, Long timestamp) {
        String topic = topicByTable.get(change.table());
        if (topic == null) {
            throw new IllegalStateException("No topic for a change of " + change.table() + ", which the pipeline does not capture");
        }
        return new ProducerRecord<>(
                topic, ChangeEventJson.key(change), ChangeEventJson.value(change, connectorBySource.get(change.table().source()), System.currentTimeMillis()));
    }
}
