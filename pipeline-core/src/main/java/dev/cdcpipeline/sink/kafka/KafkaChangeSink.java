package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.Delivery;
import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.job.ChangeSink;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.Map;
import java.util.Properties;

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
    public void attachTo(DataStream<ChangeEvent> changes) {
        changes.sinkTo(kafkaSink()).uid(UID).name("Kafka change topics");
    }

    KafkaSink<ChangeEvent> kafkaSink() {
        Properties producer = new Properties();
        producer.putAll(settings.properties());
        // Must stay within the broker's transaction.max.timeout.ms (15 min by default), or every
        // transaction is refused and the job restarts forever.
        producer.setProperty("transaction.timeout.ms", String.valueOf(settings.transactionTimeout().toMillis()));
        boolean exactlyOnce = settings.delivery() == Delivery.EXACTLY_ONCE;
        return KafkaSink.<ChangeEvent>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setKafkaProducerConfig(producer)
                .setRecordSerializer(new ChangeRecordSerializer(topicByTable, connectorBySource))
                .setDeliveryGuarantee(exactlyOnce ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
                // One prefix per pipeline: two pipelines sharing one would abort each other's transactions.
                .setTransactionalIdPrefix("cdc-" + pipelineName)
                .build();
    }
}
