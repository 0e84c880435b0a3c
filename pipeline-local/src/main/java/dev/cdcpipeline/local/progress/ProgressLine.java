package dev.cdcpipeline.local.progress;

import dev.cdcpipeline.source.postgres.WalRetentionMonitor;

/**
 * One line of the local runner's progress: snapshot progress, change events per second since the
 * last line, how far behind the source the pipeline is, and the WAL that PostgreSQL slots retain.
 */
public final class ProgressLine {

    private final long snapshotRowsExpected;
    private long lastEventsOut;
    private long lastNanos = System.nanoTime();

    public ProgressLine(long snapshotRowsExpected) {
        this.snapshotRowsExpected = snapshotRowsExpected;
    }

    public String next(long sourceChanges) {
        long now = System.nanoTime();
        long eventsOut = PipelineMetrics.sumOfCounter("eventsOut");
        long snapshotRows = PipelineMetrics.sumOfCounter("snapshotRowsIn");
        long dropped = PipelineMetrics.sumOfCounter("staleDropped") + PipelineMetrics.sumOfCounter("noOpUpdatesDropped");
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        long eventsPerSecond = Math.round((eventsOut - lastEventsOut) / seconds);
        lastEventsOut = eventsOut;
        lastNanos = now;
        String snapshot = snapshotRowsExpected == 0 ? "" : String.format("snapshot %d/%d rows (%d%%)  ",
                snapshotRows, snapshotRowsExpected, Math.min(100, snapshotRows * 100 / snapshotRowsExpected));
        String walRetained = PipelineMetrics.sumOfGauge(WalRetentionMonitor.GAUGE)
                .stream().mapToObj(bytes -> String.format("  wal retained %d kB", bytes / 1024)).findFirst().orElse("");
        return String.format("progress: %sevents out %d (%d/s)  dropped %d  source changes %d  lag %.1f s%s",
                snapshot, eventsOut, eventsPerSecond, dropped, sourceChanges, PipelineMetrics.maxOfGauge("sourceLagMillis") / 1000.0,
                walRetained);
    }
}
