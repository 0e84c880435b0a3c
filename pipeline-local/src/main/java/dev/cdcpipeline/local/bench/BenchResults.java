package dev.cdcpipeline.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a bench run measured, filled phase by phase; a phase that did not run (the run failed
 * before it) is absent, and the rest can still be written out.
 */
final class BenchResults {

    private final MachineDescription machine;
    private final long checkpointIntervalMillis;
    private Figure loadRate;
    private RawReadMeasurement.Result rawRead;
    private SnapshotMeasurement.Result snapshot;
    private SnapshotMeasurement.Result peer;
    private CommitRateMeasurement.Result sourceCommitRate;
    private StreamingMeasurement.Result exactlyOnce;
    private StreamingMeasurement.Result atLeastOnce;
    private final List<LatencyMeasurement.Result> latencies = new ArrayList<>();
    private final List<Figure> warmUps = new ArrayList<>();

    BenchResults(MachineDescription machine, long checkpointIntervalMillis) {
        this.machine = machine;
        this.checkpointIntervalMillis = checkpointIntervalMillis;
    }

    void loaded(long rows, double rowsPerSecond) {
        loadRate = new Figure("load", "rows_per_s", rowsPerSecond, "rows/s",
                rows + " rows by multi-row INSERTs, 2 connections, not in the binlog");
    }

    /** A mirror ran over the first {@code rows} rows before the measured snapshots (see {@link MirrorWarmUp}). */
    void warmedUp(String engine, long rows, double seconds) {
        warmUps.add(new Figure(MirrorWarmUp.PHASE, engine + "_seconds", seconds, "s",
                rows + " rows into both sinks, then stopped; not measured"));
    }

    void rawRead(RawReadMeasurement.Result result) {
        rawRead = result;
    }

    void snapshot(SnapshotMeasurement.Result result) {
        snapshot = result;
    }

    void peer(SnapshotMeasurement.Result result) {
        peer = result;
    }

    void sourceCommitRate(CommitRateMeasurement.Result result) {
        sourceCommitRate = result;
    }

    void exactlyOnce(StreamingMeasurement.Result result) {
        exactlyOnce = result;
    }

    void atLeastOnce(StreamingMeasurement.Result result) {
        atLeastOnce = result;
    }

    void latency(LatencyMeasurement.Result result) {
        latencies.add(result);
    }

    List<Figure> figures() {
        List<Figure> figures = new ArrayList<>(machine.figures());
        if (loadRate != null) {
            figures.add(loadRate);
        }
        if (rawRead != null) {
            figures.addAll(rawRead.figures());
        }
        figures.addAll(warmUps);
        if (snapshot != null) {
            figures.addAll(snapshot.figures());
            if (rawRead != null) {
                figures.add(new Figure(snapshot.phase(), "ratio_to_raw_read", snapshot.rowsPerSecond() / rawRead.rowsPerSecond(), "x"));
            }
        }
        if (peer != null) {
            figures.addAll(peer.figures());
            if (snapshot != null) {
                figures.add(new Figure(peer.phase(), "our_rate_over_peer_rate", snapshot.rowsPerSecond() / peer.rowsPerSecond(), "x"));
            }
        }
        if (sourceCommitRate != null) {
            figures.addAll(sourceCommitRate.figures());
        }
        for (StreamingMeasurement.Result streaming : streamingResults()) {
            figures.addAll(streaming.figures());
            if (sourceCommitRate != null) {
                figures.add(new Figure(streaming.phase(), "ratio_to_source_commit_rate",
                        streaming.eventsPerSecond() / sourceCommitRate.rowsPerSecond(), "x", "database alone"));
            }
        }
        latencies.forEach(latency -> figures.addAll(latency.figures()));
        return figures;
    }

    List<StreamingMeasurement.Result> streamingResults() {
        List<StreamingMeasurement.Result> results = new ArrayList<>();
        Optional.ofNullable(exactlyOnce).ifPresent(results::add);
        Optional.ofNullable(atLeastOnce).ifPresent(results::add);
        return results;
    }

    List<TimeSeries> series() {
        List<TimeSeries> series = new ArrayList<>();
        Optional.ofNullable(snapshot).ifPresent(result -> series.addAll(result.series()));
        Optional.ofNullable(peer).ifPresent(result -> series.addAll(result.series()));
        Optional.ofNullable(sourceCommitRate).ifPresent(result -> series.add(result.rate()));
        streamingResults().forEach(result -> series.addAll(result.series()));
        latencies.forEach(result -> series.addAll(result.series()));
        return series;
    }

    /** One bar of the rates plot. */
    record Rate(String label, double perSecond) {}

    /** The rates the bar chart compares; absent phases are left out. */
    List<Rate> headlineRates() {
        List<Rate> rates = new ArrayList<>();
        Optional.ofNullable(rawRead).ifPresent(result -> rates.add(new Rate("plain JDBC read", result.rowsPerSecond())));
        Optional.ofNullable(snapshot).ifPresent(result -> rates.add(new Rate("pipeline snapshot", result.rowsPerSecond())));
        Optional.ofNullable(peer).ifPresent(result -> rates.add(new Rate("Flink SQL snapshot", result.rowsPerSecond())));
        Optional.ofNullable(sourceCommitRate).ifPresent(result -> rates.add(new Rate("database alone", result.rowsPerSecond())));
        Optional.ofNullable(exactlyOnce).ifPresent(result -> rates.add(new Rate("exactly-once", result.eventsPerSecond())));
        Optional.ofNullable(atLeastOnce).ifPresent(result -> rates.add(new Rate("at-least-once", result.eventsPerSecond())));
        return rates;
    }

    /** Empty until every measurement the line reports has run. */
    Optional<SummaryLine> summaryLine() {
        Optional<LatencyMeasurement.Result> latency = latencies.stream()
                .filter(result -> result.checkpointInterval().toMillis() == checkpointIntervalMillis)
                .findFirst();
        if (rawRead == null || snapshot == null || peer == null || sourceCommitRate == null || exactlyOnce == null
                || latency.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SummaryLine(snapshot.rowsPerSecond(), rawRead.rowsPerSecond(), peer.rowsPerSecond(),
                exactlyOnce.eventsPerSecond(), sourceCommitRate.rowsPerSecond(), exactlyOnce.flinkCpuMicrosPerEvent(),
                latency.get().p99Millis(), checkpointIntervalMillis));
    }

    MachineDescription machine() {
        return machine;
    }
}
