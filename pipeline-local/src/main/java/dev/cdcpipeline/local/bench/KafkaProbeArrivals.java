package dev.cdcpipeline.local.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import java.util.OptionalLong;

/** Takes the latency of every probe record a {@code read_committed} consumer receives. */
final class KafkaProbeArrivals implements CommittedTopicTail.Batches {

    static final String COMMIT_TIME_FIELD = "committed_at";

    private final ProbeSightings sightings;

    KafkaProbeArrivals(ProbeSightings sightings) {
        this.sightings = sightings;
    }

    @Override
    public void received(ConsumerRecords<byte[], byte[]> records, long receivedAtMillis) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            OptionalLong id = JsonFields.longValue(record.key(), "id");
            OptionalLong committedAt = JsonFields.instantMillis(record.value(), COMMIT_TIME_FIELD);
            if (id.isPresent() && committedAt.isPresent()) {
                sightings.seen(id.getAsLong(), receivedAtMillis - committedAt.getAsLong());
            }
        }
    }
}
