package dev.cdcpipeline.job;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.dedup.DedupFunction;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.time.Duration;
import java.util.List;

/**
 * The pipeline's dataflow: changes, keyed by table and primary key, deduplicated, to every sink.
 * Keying keeps each row's changes in one operator instance and in order, from the dedup state
 * through to the sinks.
 */
public final class PipelineGraph {

    /** Operator ids are part of savepoints: change them and state no longer restores. */
    public static final String DEDUP_UID = "dedup";

    private PipelineGraph() {}

    public static DataStream<ChangeEvent> build(DataStream<ChangeEvent> changes, Duration dedupStateTtl, List<ChangeSink> sinks) {
        DataStream<ChangeEvent> deduplicated =
                changes.keyBy(ChangeEvent::partitionKey)
                        .process(new DedupFunction(dedupStateTtl))
                        .uid(DEDUP_UID)
                        .name("Dedup by table and primary key");
        for (ChangeSink sink : sinks) {
            sink.attachTo(deduplicated);
        }
        return deduplicated;
    }
}
