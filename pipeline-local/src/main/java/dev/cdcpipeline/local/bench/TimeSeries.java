package dev.cdcpipeline.local.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Values over time (or over another x, such as a percentile) for one line of a plot and for
 * {@code timeseries.csv}. Filled by one thread while a measurement runs, read after it.
 *
 * @param chart the plot the line belongs to
 * @param name the line's name in the plot's legend
 */
public record TimeSeries(String chart, String name, List<Double> xs, List<Double> ys) {

    public static TimeSeries of(String chart, String name) {
        return new TimeSeries(chart, name, new ArrayList<>(), new ArrayList<>());
    }

    public void add(double x, double y) {
        xs.add(x);
        ys.add(y);
    }

    public boolean isEmpty() {
        return xs.isEmpty();
    }
}
