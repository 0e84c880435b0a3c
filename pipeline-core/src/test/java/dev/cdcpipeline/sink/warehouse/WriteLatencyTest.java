package dev.cdcpipeline.sink.warehouse;

import static dev.cdcpipeline.change.ChangeEvents.ORDERS;
import static dev.cdcpipeline.change.ChangeEvents.at;
import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

class WriteLatencyTest {

    private static final long NOW = 1_764_000_000_000L;

    @Test
    void recordsTheTimeFromTheSourceCommitToTheWriteAndSkipsSnapshotReads() {
        Map<String, Metric> metrics = new HashMap<>();
        WriteLatency latency = new WriteLatency(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        latency.registerIn(recordingGroup("", metrics));

        latency.written(change(Operation.INSERT, NOW - 1_500));
        latency.written(change(Operation.UPDATE, NOW - 300));
        latency.written(change(Operation.SNAPSHOT_READ, 0));

        Histogram histogram = (Histogram) metrics.get("warehouse.writeLatencyMillis");
        assertThat(histogram.getCount()).isEqualTo(2);
        assertThat(histogram.getStatistics().getMax()).isEqualTo(1_500);
        assertThat(histogram.getStatistics().getMin()).isEqualTo(300);
        assertThat(((Gauge<?>) metrics.get("warehouse.lastWriteLatencyMillis")).getValue()).isEqualTo(300L);
    }

    @Test
    void countsEveryWrittenChangeSnapshotReadsIncluded() {
        Map<String, Metric> metrics = new HashMap<>();
        WriteLatency latency = new WriteLatency(Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        latency.registerIn(recordingGroup("", metrics));

        latency.written(change(Operation.SNAPSHOT_READ, 0));
        latency.written(change(Operation.INSERT, NOW - 10));
        latency.written(change(Operation.UPDATE, NOW - 5));

        assertThat(((Counter) metrics.get("warehouse.rowsWritten")).getCount()).isEqualTo(3);
    }

    private static ChangeEvent change(Operation operation, long sourceTimestamp) {
        return new ChangeEvent(ORDERS, operation, row("id", 1L), operation == Operation.UPDATE ? row("id", 1L, "amount", 1L) : null,
                row("id", 1L, "amount", 2L), at(1), sourceTimestamp);
    }

    /** A metric group that keeps what is registered in it, by dotted name. */
    private static MetricGroup recordingGroup(String prefix, Map<String, Metric> metrics) {
        return new UnregisteredMetricsGroup() {
            @Override
            public MetricGroup addGroup(String name) {
                return recordingGroup(prefix + name + ".", metrics);
            }

            @Override
            public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
                metrics.put(prefix + name, gauge);
                return gauge;
            }

            @Override
            public Counter counter(String name) {
                Counter counter = new SimpleCounter();
                metrics.put(prefix + name, counter);
                return counter;
            }

            @Override
            public <H extends Histogram> H histogram(String name, H histogram) {
                metrics.put(prefix + name, histogram);
                return histogram;
            }
        };
    }
}
