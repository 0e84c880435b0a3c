package dev.cdcpipeline.job;

import dev.cdcpipeline.deadletter.DeadLetterSink;
import dev.cdcpipeline.sink.features.FeatureSink;

import java.util.List;

/**
 * Where a pipeline's results go: the transformed changes to every change sink, the feature
 * records to every feature sink, and what the pipeline set aside to the dead-letter sink.
 */
public record PipelineOutputs(List<ChangeSink> changeSinks, List<FeatureSink> featureSinks, DeadLetterSink deadLetterSink) {

    public PipelineOutputs {
        changeSinks = List.copyOf(changeSinks);
        featureSinks = List.copyOf(featureSinks);
    }
}
