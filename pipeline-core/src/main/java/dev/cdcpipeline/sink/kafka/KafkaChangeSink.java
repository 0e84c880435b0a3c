package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.job.ChangeSink;

import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

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

    public static final String SIZE_GUARD_UID = "kafka-size-guard";

    @Override
    public Optional<DataStream<DeadLetter>> attachTo(DataStream<ChangeEvent> changes) {
        SingleOutputStreamOperator<ChangeEvent> publishable = changes.process(new RecordSizeGuard(maxRequestBytes()))
                .uid(SIZE_GUARD_UID).name("Set aside records too large for Kafka");
        publishable.sinkTo(kafkaSink()).uid(UID).name("Kafka change topics");
        return Optional.of(publishable.getSideOutput(RecordSizeGuard.DEAD_LETTERS));
    }

    /** The producer's {@code max.request.size}: set through {@code properties.max.request.size}, else Kafka's default. */
    int maxRequestBytes() {
        String configured = settings.properties().get("max.request.size");
        return configured == null ? RecordSizeGuard.DEFAULT_MAX_REQUEST_BYTES : Integer.parseInt(configured.strip());
    }

    KafkaSink<ChangeEvent> kafkaSink() {
        // One prefix per pipeline: two pipelines sharing one would abort each other's transactions.
        return KafkaSinks.<ChangeEvent>builder(settings, "cdc-" + pipelineName)
                .setRecordSerializer(new ChangeRecordSerializer(topicByTable, connectorBySource))
                .build();
    }
}
