package dev.cdcpipeline.job;

import dev.cdcpipeline.change.ChangeEvent;

import org.apache.flink.streaming.api.datastream.DataStream;

/** Somewhere the deduplicated changes go. The job plugs in the real sinks; tests their own. */
@FunctionalInterface
public interface ChangeSink {

    void attachTo(DataStream<ChangeEvent> changes);
}
