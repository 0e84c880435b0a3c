package dev.cdcpipeline.job;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.streaming.api.datastream.DataStream;

import java.util.Optional;

/** Somewhere the transformed changes go. The job plugs in the real sinks; tests their own. */
@FunctionalInterface
public interface ChangeSink {

    /** @return the changes this sink sets aside instead of writing them, if it can set any aside */
    Optional<DataStream<DeadLetter>> attachTo(DataStream<ChangeEvent> changes);
}
