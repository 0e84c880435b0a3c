package dev.cdcpipeline.local.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the committed records of a topic, and how far it has caught up with the source: per
 * partition, the commit time ({@code updated_at}) of the newest row seen. Only the last record of
 * each partition in a batch is parsed, so counting stays cheap.
 */
final class ArrivalCounter implements CommittedTopicTail.Batches {

    static final String COMMIT_TIME_FIELD = "updated_at";

    private final AtomicLong records = new AtomicLong();
    private final Map<Integer, Long> newestCommitMillisByPartition = new ConcurrentHashMap<>();

    @Override
    public void received(ConsumerRecords<byte[], byte[]> batch, long receivedAtMillis) {
        for (TopicPartition partition : batch.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> partitionRecords = batch.records(partition);
            records.addAndGet(partitionRecords.size());
            byte[] newest = partitionRecords.get(partitionRecords.size() - 1).value();
            JsonFields.instantMillis(newest, COMMIT_TIME_FIELD).ifPresent(millis ->
                    newestCommitMillisByPartition.merge(partition.partition(), millis, Math::max));
        }
    }

    long count() {
        return records.get();
    }

    /**
     * The source commit time up to which every partition has delivered: the oldest of the
     * partitions' newest; empty before every partition that has records has one with a time.
     */
    OptionalLong caughtUpToMillis() {
        return newestCommitMillisByPartition.values().stream().mapToLong(Long::longValue).min();
    }
}
