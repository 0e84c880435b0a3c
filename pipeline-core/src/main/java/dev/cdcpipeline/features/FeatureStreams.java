package dev.cdcpipeline.features;

import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What a feature view adds to the job.
 *
 * @param records the view's feature records
 * @param deadLetters the changes it set aside: late, or with a row it cannot place
 */
public record FeatureStreams(DataStream<FeatureRecord> records, DataStream<DeadLetter> deadLetters) {}
