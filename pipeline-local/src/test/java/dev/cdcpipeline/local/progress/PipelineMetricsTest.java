package dev.cdcpipeline.local.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

class PipelineMetricsTest {

    @Test
    void theDedupTotalsLeaveOutThePerTableCountersOfTheSameName() {
        PipelineMetrics.Reporter reporter = new PipelineMetrics.Reporter();
        Counter total = counter(7);
        Counter orders = counter(5);
        Counter customers = counter(2);
        MetricGroup operator = groupNamed("job.Dedup.0.dedup");

        reporter.notifyOfAddedMetric(total, "eventsOut", operator);
        reporter.notifyOfAddedMetric(orders, "eventsOut", groupNamed("job.Dedup.0.dedup.table.mysql.shop.orders"));
        reporter.notifyOfAddedMetric(customers, "eventsOut", groupNamed("job.Dedup.0.dedup.table.mysql.shop.customers"));
        try {
            assertThat(PipelineMetrics.sumOfCounter("eventsOut")).isEqualTo(7);
        } finally {
            reporter.notifyOfRemovedMetric(total, "eventsOut", operator);
            reporter.notifyOfRemovedMetric(orders, "eventsOut", groupNamed("job.Dedup.0.dedup.table.mysql.shop.orders"));
            reporter.notifyOfRemovedMetric(customers, "eventsOut", groupNamed("job.Dedup.0.dedup.table.mysql.shop.customers"));
        }
    }

    @Test
    void aJobsCountersAreSummedOverItsOperatorsAndSubtasksOnly() {
        PipelineMetrics.Reporter reporter = new PipelineMetrics.Reporter();
        Map<MetricGroup, Counter> counters = new LinkedHashMap<>();
        counters.put(groupNamed("recon.Warehouse a.0.warehouse", "recon"), counter(3));
        counters.put(groupNamed("recon.Warehouse a.1.warehouse", "recon"), counter(4));
        counters.put(groupNamed("recon.Warehouse b.0.warehouse", "recon"), counter(5));
        counters.put(groupNamed("other.Warehouse a.0.warehouse", "other"), counter(100));
        counters.forEach((group, counter) -> reporter.notifyOfAddedMetric(counter, "rowsWritten", group));
        Counter sourceDeadLetters = counter(2);
        MetricGroup source = groupNamed("recon.Set aside.0.source.mysql", "recon");
        reporter.notifyOfAddedMetric(sourceDeadLetters, "deadLetters", source);
        try {
            assertThat(PipelineMetrics.sumOfCounter("recon", "warehouse.rowsWritten")).isEqualTo(12);
            assertThat(PipelineMetrics.sumOfCounter("recon", "source.mysql.deadLetters")).isEqualTo(2);
            assertThat(PipelineMetrics.sumOfCounter("recon", "source.postgres.deadLetters")).isZero();
        } finally {
            counters.forEach((group, counter) -> reporter.notifyOfRemovedMetric(counter, "rowsWritten", group));
            reporter.notifyOfRemovedMetric(sourceDeadLetters, "deadLetters", source);
        }
        assertThat(PipelineMetrics.sumOfCounter("recon", "warehouse.rowsWritten")).isZero();
    }

    private static Counter counter(long count) {
        Counter counter = new SimpleCounter();
        counter.inc(count);
        return counter;
    }

    private static MetricGroup groupNamed(String scope) {
        return groupNamed(scope, null);
    }

    /** A group as an operator's: its identifier, and the job's name among its variables. */
    private static MetricGroup groupNamed(String scope, String job) {
        return new UnregisteredMetricsGroup() {
            @Override
            public String getMetricIdentifier(String metricName) {
                return scope + "." + metricName;
            }

            @Override
            public Map<String, String> getAllVariables() {
                return job == null ? Map.of() : Map.of("<job_name>", job);
            }
        };
    }
}
