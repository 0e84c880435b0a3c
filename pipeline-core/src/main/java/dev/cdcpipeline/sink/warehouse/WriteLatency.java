package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

import java.io.Serializable;
import java.time.Clock;

/**
 * How long changes take from the source commit to the warehouse write, and how many changes are
 * written: recorded when the JDBC writer binds a change to its batch statement, which
 * flink-connector-jdbc does right before it executes the batch. Snapshot reads have no commit time
 * and have no latency, but are written rows.
 *
 * <p>The sink and its statement share one instance (they are serialized together, per subtask),
 * so the writer's metric group, known only when the writer is created, reaches the statement.
 */
public final class WriteLatency implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String METRIC_GROUP = "warehouse";
    /** Enough samples for steady percentiles, few enough to cost nothing. */
    private static final int HISTOGRAM_WINDOW = 1000;

    private final Clock clock;
    private transient Histogram histogram;
    private transient Counter rowsWritten;
    private transient volatile long lastMillis;

    public WriteLatency() {
        this(Clock.systemUTC());
    }

    WriteLatency(Clock clock) {
        this.clock = clock;
    }

    /**
     * Registers {@code writeLatencyMillis} (histogram), {@code lastWriteLatencyMillis} (gauge) and
     * {@code rowsWritten} (counter).
     */
    public void registerIn(MetricGroup writerMetrics) {
        MetricGroup group = writerMetrics.addGroup(METRIC_GROUP);
        histogram = group.histogram("writeLatencyMillis", new DescriptiveStatisticsHistogram(HISTOGRAM_WINDOW));
        group.gauge("lastWriteLatencyMillis", () -> lastMillis);
        rowsWritten = group.counter("rowsWritten");
    }

    /**
     * Called for each change as it is written. {@code rowsWritten} counts changes bound into a batch
     * that is then executed: a batch retried after a failed execution, or replayed after a restart
     * from a checkpoint, counts again (the warehouse itself ignores the replay: writes are guarded by
     * the source position), so it matches the changes passed to the warehouse only in a run without
     * failures.
     */
    public void written(ChangeEvent change) {
        if (rowsWritten != null) {
            rowsWritten.inc();
        }
        if (change.sourceTimestampMillis() == 0) {
            return;
        }
        long latency = Math.max(0, clock.millis() - change.sourceTimestampMillis());
        lastMillis = latency;
        if (histogram != null) {
            histogram.update(latency);
        }
    }
}
