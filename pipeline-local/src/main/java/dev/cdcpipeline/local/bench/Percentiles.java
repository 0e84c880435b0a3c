package dev.cdcpipeline.local.bench;

import java.util.Collection;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n samples is the
 * smallest sample that at least p % of the samples do not exceed, always a measured value.
 *
 * @param count the samples
 */
public record Percentiles(int count, long p50, long p95, long p99, long max) {

    public static Percentiles of(Collection<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        return new Percentiles(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** @param sorted ascending, not empty; @param percentile in (0, 100] */
    static long nearestRank(long[] sorted, double percentile) {
        if (sorted.length == 0 || percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("Need samples and a percentile in (0, 100], got " + sorted.length
                    + " samples and " + percentile);
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    /** The sorted samples as a distribution line: x = percentile of the samples, y = the sample. */
    static TimeSeries distribution(String chart, String name, Collection<Long> samples) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        TimeSeries line = TimeSeries.of(chart, name);
        for (int i = 0; i < sorted.length; i++) {
            line.add(100.0 * (i + 1) / sorted.length, sorted[i]);
        }
        return line;
    }

    @Override
    public String toString() {
        return "p50 " + p50 + " ms, p95 " + p95 + " ms, p99 " + p99 + " ms (" + count + " samples)";
    }
}
