package dev.cdcpipeline.deadletter;

import org.apache.flink.streaming.api.datastream.DataStream;

/** Where the inputs the pipeline set aside go. The job plugs in the real one; tests their own. */
@FunctionalInterface
public interface DeadLetterSink {

    void attachTo(DataStream<DeadLetter> deadLetters);
}
