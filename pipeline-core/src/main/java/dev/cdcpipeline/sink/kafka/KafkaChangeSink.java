package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.job.ChangeSink;

import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.Map;
import java.util.Optional;

/**
 * Publishes change records to one topic per table, exactly-once through Kafka transactions
 * unless configured otherwise: records become visible to {@code read_committed} consumers when
 * the checkpoint that covers them completes.
 */
public final class KafkaChangeSink implements ChangeSink {

    public static final String UID = "kafka-changes";

    private final KafkaSettings settings;
    private final String pipelineName;
    private final Map<TableId, String> topicByTable;
    private final Map<String, String> connectorBySource;

    public KafkaChangeSink(KafkaSettings settings, String pipelineName, Map<TableId, String> topicByTable,
            Map<String, String> connectorBySource) {
        this.settings = settings;
        this.pipelineName = pipelineName;
        this.topicByTable = Map.copyOf(topicByTable);
        this.connectorBySource = Map.copyOf(connectorBySource);
    }

    @Override
    public Optional<DataStream<DeadLetter>> attachTo(DataStream<ChangeEvent> changes) {
        changes.sinkTo(kafkaSink()).uid(UID).name("Kafka change topics");
        return Optional.empty();
    }

    KafkaSink<ChangeEvent> kafkaSink() {
        // One prefix per pipeline: two pipelines sharing one would abort each other's transactions.
        return KafkaSinks.<ChangeEvent>builder(settings, "cdc-" + pipelineName)
                .setRecordSerializer(new ChangeRecordSerializer(topicByTable, connectorBySource))
                .build();
    }
}
