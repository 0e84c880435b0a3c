package dev.cdcpipeline.local.bench;

/**
 * One reported figure: a row of the printed table and of {@code results.csv}.
 *
 * @param phase the measurement it belongs to, e.g. {@code snapshot}
 * @param metric what was measured, e.g. {@code rows_per_s}
 * @param note how it was measured or what it includes, empty when the name says it all
 */
public record Figure(String phase, String metric, double value, String unit, String note) {

    public Figure(String phase, String metric, double value, String unit) {
        this(phase, metric, value, unit, "");
    }
}
