package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.features.FeatureRecord;

import org.apache.flink.streaming.api.datastream.DataStream;

/** Somewhere feature records go. The job plugs in the real sinks; tests their own. */
@FunctionalInterface
public interface FeatureSink {

    void attachTo(DataStream<FeatureRecord> records);
}
