package dev.cdcpipeline.local.bench;

import java.util.Locale;

/**
 * The last line of a bench run, in a fixed format for scripts to read: rates as whole numbers,
 * ratios with three decimals.
 *
 * @param snapshotRowsPerSecond our snapshot into both sinks
 * @param rawReadRowsPerSecond the plain JDBC read of the same table
 * @param peerRowsPerSecond the Flink SQL peer's snapshot into both sinks
 * @param streamEventsPerSecond our sustained change rate through both sinks, exactly-once
 * @param sourceCommitPerSecond the database's commit rate with no pipeline attached
 * @param cpuMicrosPerEvent Flink JVM CPU per change while streaming exactly-once
 * @param e2eP99Millis p99 from commit to visible in the slower sink, at {@code checkpointIntervalMillis}
 */
record SummaryLine(double snapshotRowsPerSecond, double rawReadRowsPerSecond, double peerRowsPerSecond,
        double streamEventsPerSecond, double sourceCommitPerSecond, double cpuMicrosPerEvent, long e2eP99Millis,
        long checkpointIntervalMillis) {

    double snapshotRatio() {
        return ratio(snapshotRowsPerSecond, rawReadRowsPerSecond);
    }

    /** Our rate over the peer's: above 1 when we are faster. */
    double peerRatio() {
        return ratio(snapshotRowsPerSecond, peerRowsPerSecond);
    }

    private static double ratio(double ours, double reference) {
        return reference <= 0 ? 0 : ours / reference;
    }

    String format() {
        return String.format(Locale.ROOT,
                "bench: snapshot_rows_per_s=%d raw_read_rows_per_s=%d snapshot_ratio=%.3f peer_rows_per_s=%d peer_ratio=%.3f"
                        + " stream_events_per_s=%d source_commit_per_s=%d cpu_us_per_event=%d e2e_p99_ms=%d"
                        + " checkpoint_interval_ms=%d",
                Math.round(snapshotRowsPerSecond), Math.round(rawReadRowsPerSecond), snapshotRatio(),
                Math.round(peerRowsPerSecond), peerRatio(), Math.round(streamEventsPerSecond),
                Math.round(sourceCommitPerSecond), Math.round(cpuMicrosPerEvent), e2eP99Millis, checkpointIntervalMillis);
    }
}
