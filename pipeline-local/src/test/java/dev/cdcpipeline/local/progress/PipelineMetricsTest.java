package dev.cdcpipeline.local.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

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

    private static Counter counter(long count) {
        Counter counter = new SimpleCounter();
        counter.inc(count);
        return counter;
    }

    private static MetricGroup groupNamed(String scope) {
        return new UnregisteredMetricsGroup() {
            @Override
            public String getMetricIdentifier(String metricName) {
                return scope + "." + metricName;
            }
        };
    }
}
