package dev.cdcpipeline.local.progress;

import dev.cdcpipeline.dedup.DedupFunction;
import dev.cdcpipeline.source.postgres.WalRetentionMonitor;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline's own metrics, read in this JVM while a local mini-cluster runs: a Flink metric
 * reporter that keeps the dedup operators' counters and gauges of every subtask, the WAL
 * retention of PostgreSQL sources and the counters of dead letters and warehouse writes, and sums
 * them.
 * A static registry is the bridge because Flink, not we, creates the reporter; it only works
 * where the job runs in this JVM, which is the point of the local runner.
 */
public final class PipelineMetrics {

    /** Flink configuration that installs the reporter. */
    public static final Map<String, String> REPORTER_CONFIGURATION = Map.of(
            "metrics.reporter.progress.factory.class", Factory.class.getName(),
            "metrics.reporter.progress.interval", "1 s");

    private static final Map<String, Registered> METRICS = new ConcurrentHashMap<>();
    private static final String DEDUP_SCOPE = "." + DedupFunction.METRIC_GROUP + ".";
    /** Counters of every stage that sets changes aside, and of the warehouse writers. */
    private static final Set<String> KEPT_COUNTERS = Set.of("deadLetters", "rowsWritten");
    /** The scope variable Flink fills with the job's name: the pipeline's name. */
    private static final String JOB_NAME_VARIABLE = "<job_name>";

    /** A metric and the job it belongs to; the job is null where the group does not say. */
    private record Registered(Metric metric, String job) {}

    private PipelineMetrics() {}

    /**
     * The sum over all subtasks of a dedup counter, e.g. {@code eventsOut}: the operator's own, not
     * its per-table counters of the same name (in the {@code dedup.table} group).
     */
    public static long sumOfCounter(String name) {
        return METRICS.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(DEDUP_SCOPE + name) && entry.getValue().metric() instanceof Counter)
                .mapToLong(entry -> ((Counter) entry.getValue().metric()).getCount())
                .sum();
    }

    /**
     * The sum over all operators and subtasks of one job of the counters whose identifier ends with
     * {@code scopedName}: {@code warehouse.rowsWritten}, {@code source.mysql.deadLetters},
     * {@code dedup.table.mysql_shop_orders.eventsIn} (Flink writes the dots of a group's value as
     * underscores), or just {@code deadLetters} for every stage's.
     */
    public static long sumOfCounter(String job, String scopedName) {
        return METRICS.entrySet().stream()
                .filter(entry -> job.equals(entry.getValue().job()) && entry.getKey().endsWith("." + scopedName)
                        && entry.getValue().metric() instanceof Counter)
                .mapToLong(entry -> ((Counter) entry.getValue().metric()).getCount())
                .sum();
    }

    /** The sum of a numeric gauge over all that report it, e.g. {@code walRetainedBytes}; empty if none does. */
    public static OptionalLong sumOfGauge(String name) {
        long[] values = METRICS.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("." + name) && entry.getValue().metric() instanceof Gauge<?>)
                .mapToLong(entry -> ((Number) ((Gauge<?>) entry.getValue().metric()).getValue()).longValue())
                .filter(value -> value >= 0)
                .toArray();
        return values.length == 0 ? OptionalLong.empty() : OptionalLong.of(Arrays.stream(values).sum());
    }

    /** The largest value over all subtasks of a numeric dedup gauge, e.g. {@code sourceLagMillis}. */
    public static long maxOfGauge(String name) {
        return METRICS.entrySet().stream()
                .filter(entry -> entry.getKey().endsWith(DEDUP_SCOPE + name) && entry.getValue().metric() instanceof Gauge<?>)
                .mapToLong(entry -> ((Number) ((Gauge<?>) entry.getValue().metric()).getValue()).longValue())
                .max()
                .orElse(0);
    }

    /** Creates the reporter from the Flink configuration above. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new Reporter();
        }
    }

    static final class Reporter implements MetricReporter {
        @Override
        public void open(MetricConfig config) {}

        @Override
        public void close() {}

        @Override
        public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
            String identifier = group.getMetricIdentifier(name);
            if (identifier.contains(DEDUP_SCOPE) || name.equals(WalRetentionMonitor.GAUGE)
                    || (metric instanceof Counter && KEPT_COUNTERS.contains(name))) {
                METRICS.put(identifier, new Registered(metric, group.getAllVariables().get(JOB_NAME_VARIABLE)));
            }
        }

        @Override
        public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
            METRICS.computeIfPresent(group.getMetricIdentifier(name), (identifier, registered) ->
                    registered.metric() == metric ? null : registered);
        }
    }
}
