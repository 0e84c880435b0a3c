package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.features.FeatureRecord;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.sink.kafka.KafkaSinks;

import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the feature records of all of a pipeline's views through one Kafka sink, each to its
 * view's topic ({@link FeatureView#topic()}), keyed by the entity. Delivery as for change records:
 * exactly-once through Kafka transactions unless configured otherwise, so {@code read_committed}
 * consumers see each record once, when the checkpoint that covers it completes.
 *
 * <p>Records of one entity keep their order only if they reach the sink in order on one subtask,
 * as a view's keyed operator emits them: the sink does not reorder or re-key.
 */
public final class FeatureKafkaSink implements FeatureSink {

    public static final String UID = "kafka-features";

    private final KafkaSettings settings;
    private final String pipelineName;
    private final List<FeatureView> views;

    /**
     * @param views every feature view of the pipeline; each must have a topic
     * @throws IllegalArgumentException if a view has no topic or its fields' names clash
     */
    public FeatureKafkaSink(KafkaSettings settings, String pipelineName, List<FeatureView> views) {
        this.settings = settings;
        this.pipelineName = pipelineName;
        this.views = List.copyOf(views);
        routes();
    }

    /** The views' topics, for {@link dev.cdcpipeline.sink.kafka.KafkaTopicSetup#createMissingTopics} before the job starts. */
    public List<String> topics() {
        return views.stream().map(FeatureView::topic).distinct().toList();
    }

    /**
     * The transactional id prefix: the change sink's ({@code cdc-<pipeline>}) plus {@code .features}.
     * A dot, because pipeline names cannot hold one: with a dash, pipeline {@code x}'s feature sink
     * would share the prefix of pipeline {@code x-features}'s change sink and abort its transactions.
     */
    public String transactionalIdPrefix() {
        return "cdc-" + pipelineName + ".features";
    }

    @Override
    public void attachTo(DataStream<FeatureRecord> records) {
        records.sinkTo(kafkaSink()).uid(UID).name("Kafka feature topics");
    }

    KafkaSink<FeatureRecord> kafkaSink() {
        // Not the change sink's prefix: two sinks sharing one would abort each other's transactions.
        return KafkaSinks.<FeatureRecord>builder(settings, transactionalIdPrefix())
                .setRecordSerializer(new FeatureKafkaSerializer(routes()))
                .build();
    }

    private Map<String, FeatureKafkaSerializer.Route> routes() {
        Map<String, FeatureKafkaSerializer.Route> routes = new HashMap<>();
        for (FeatureView view : views) {
            if (view.topic() == null) {
                throw new IllegalArgumentException("Feature view " + view.name() + " has no Kafka topic");
            }
            routes.put(view.name(), new FeatureKafkaSerializer.Route(view.topic(), FeatureRecordLayout.of(view)));
        }
        return routes;
    }
}
