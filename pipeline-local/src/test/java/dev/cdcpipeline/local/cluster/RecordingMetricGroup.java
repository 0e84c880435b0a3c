package dev.cdcpipeline.local.cluster;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.OperatorIOMetricGroup;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

import java.util.Set;
import java.util.TreeSet;

/**
 * An operator's metric group that remembers what is registered in it, named as Flink's Prometheus reporter
 * names it after the operator scope: subgroups and the metric joined with underscores ({@code dedup_eventsIn}).
 */
final class RecordingMetricGroup extends UnregisteredMetricsGroup implements OperatorMetricGroup {

    private final String prefix;
    private final Set<String> names;

    RecordingMetricGroup() {
        this("", new TreeSet<>());
    }

    private RecordingMetricGroup(String prefix, Set<String> names) {
        this.prefix = prefix;
        this.names = names;
    }

    /** Every metric registered in this group and its subgroups so far. */
    Set<String> names() {
        return names;
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        names.add(prefix + name);
        return counter;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        names.add(prefix + name);
        return gauge;
    }

    @Override
    public <M extends Meter> M meter(String name, M meter) {
        names.add(prefix + name);
        return meter;
    }

    @Override
    public <H extends Histogram> H histogram(String name, H histogram) {
        names.add(prefix + name);
        return histogram;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new RecordingMetricGroup(prefix + name + "_", names);
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        // a key-value group is a label for Prometheus: only the key is part of the name
        return addGroup(key);
    }

    @Override
    public OperatorIOMetricGroup getIOMetricGroup() {
        return UnregisteredMetricsGroup.createOperatorIOMetricGroup();
    }
}
