package dev.cdcpipeline.job;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.change.serialization.PartitionKeyTypeInfo;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.dedup.DedupFunction;
import dev.cdcpipeline.features.FeatureGraph;
import dev.cdcpipeline.features.FeatureRecord;
import dev.cdcpipeline.features.FeatureStreams;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.sink.features.FeatureSink;
import dev.cdcpipeline.transform.TableTransform;
import dev.cdcpipeline.transform.TransformFunction;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's dataflow: changes, keyed by table and primary key, deduplicated, transformed, to
 * every change sink; the feature views computed from the transformed changes; and everything set
 * aside on the way (from the records the sources could not read to the changes a sink could not
 * take) to the dead-letter sink. Keying keeps each row's changes in one operator
 * instance and in order, from the dedup state through to the sinks.
 */
public final class PipelineGraph {

    /** Operator ids are part of savepoints: change them and state no longer restores. */
    public static final String DEDUP_UID = "dedup";
    public static final String TRANSFORM_UID = "transform";

    private static final OutputTag<DeadLetter> TRANSFORM_DEAD_LETTERS =
            new OutputTag<>("transform-dead-letters", TypeInformation.of(DeadLetter.class));

    private PipelineGraph() {}

    /**
     * @param sourceDeadLetters the records the sources could not read
     * @param tables the captured tables
     * @return the transformed changes, as the change sinks receive them
     */
    public static DataStream<ChangeEvent> build(DataStream<ChangeEvent> changes, DataStream<DeadLetter> sourceDeadLetters,
            List<TableId> tables, Duration dedupStateTtl, Map<TableId, TableTransform> transforms, List<FeatureView> featureViews,
            PipelineOutputs outputs) {
        DataStream<ChangeEvent> deduplicated =
                changes.keyBy(ChangeEvent::partitionKey, PartitionKeyTypeInfo.INSTANCE)
                        .process(new DedupFunction(dedupStateTtl, tables))
                        .uid(DEDUP_UID)
                        .name("Dedup by table and primary key");
        SingleOutputStreamOperator<ChangeEvent> transformed =
                deduplicated.process(new TransformFunction(transforms, TRANSFORM_DEAD_LETTERS))
                        .uid(TRANSFORM_UID)
                        .name("Transform");
        DataStream<DeadLetter> deadLetters = sourceDeadLetters.union(transformed.getSideOutput(TRANSFORM_DEAD_LETTERS));
        for (ChangeSink sink : outputs.changeSinks()) {
            Optional<DataStream<DeadLetter>> setAside = sink.attachTo(transformed);
            if (setAside.isPresent()) {
                deadLetters = deadLetters.union(setAside.get());
            }
        }

        DataStream<FeatureRecord> featureRecords = null;
        for (FeatureView view : featureViews) {
            FeatureStreams streams = FeatureGraph.build(transformed, view);
            featureRecords = featureRecords == null ? streams.records() : featureRecords.union(streams.records());
            deadLetters = deadLetters.union(streams.deadLetters());
        }
        if (featureRecords != null) {
            for (FeatureSink sink : outputs.featureSinks()) {
                sink.attachTo(featureRecords);
            }
        }
        outputs.deadLetterSink().attachTo(deadLetters);
        return transformed;
    }
}
