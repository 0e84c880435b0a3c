package dev.cdcpipeline.source;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What a source adds to the job.
 *
 * @param changes the changes it read
 * @param deadLetters the records it could not read, set aside with the reason (stage {@code source})
 */
public record SourceStreams(DataStream<ChangeEvent> changes, DataStream<DeadLetter> deadLetters) {}
