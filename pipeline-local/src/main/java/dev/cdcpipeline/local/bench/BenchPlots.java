package dev.cdcpipeline.local.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench's plots as PNG files, drawn with XChart in headless AWT (no display needed; the JDK
 * needs a font, which fontconfig finds):
 * rates.png (every headline rate side by side), snapshot.png (rows in each sink over time, ours
 * and the peer's), streaming.png and streaming-lag.png (per second, at the database's full commit
 * rate) and latency.png (latency distribution per sink and checkpoint interval).
 */
final class BenchPlots {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private BenchPlots() {}

    /** @return the files written */
    static List<Path> write(BenchResults results, Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        // A log axis has no room for zero: a phase that measured nothing is left out of the bars.
        List<BenchResults.Rate> rates = results.headlineRates().stream().filter(rate -> rate.perSecond() >= 1_000).toList();
        if (!rates.isEmpty()) {
            written.add(save(rateBars(rates), directory.resolve("rates")));
        }
        List<TimeSeries> series = results.series();
        writeLines(series, "snapshot", "Snapshot: rows in each sink since the job's start", "seconds", "rows", directory, written);
        writeLines(series, "streaming", "Streaming at the database's full commit rate", "second of the window", "rows or records per second",
                directory, written);
        writeLines(series, "streaming-lag", "Streaming: how far each sink is behind the source", "second of the window", "seconds",
                directory, written);
        writeLines(series, "latency", "Commit to visible, per probe (sorted)", "percentile of probes", "milliseconds",
                directory, written);
        return written;
    }

    private static CategoryChart rateBars(List<BenchResults.Rate> rates) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Rates on " + Runtime.getRuntime().availableProcessors() + " cores (rows or events per second, log scale)")
                .yAxisTitle("per second").build();
        chart.getStyler().setLegendVisible(false);
        // The plain read is two orders of magnitude above the rest: a linear axis would flatten them.
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(1_000.0);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("rate", rates.stream().map(BenchResults.Rate::label).toList(),
                rates.stream().map(BenchResults.Rate::perSecond).toList());
        return chart;
    }

    private static void writeLines(List<TimeSeries> series, String chartName, String title, String xTitle, String yTitle,
            Path directory, List<Path> written) throws IOException {
        List<TimeSeries> lines = series.stream().filter(line -> line.chart().equals(chartName) && !line.isEmpty()).toList();
        if (lines.isEmpty()) {
            return;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        // Plain numbers: XChart's defaults show 1E6 and long fractions on these axes.
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setXAxisMaxLabelCount(21);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        for (TimeSeries line : lines) {
            chart.addSeries(line.name(), line.xs(), line.ys());
        }
        written.add(save(chart, directory.resolve(chartName)));
    }

    private static Path save(Chart<?, ?> chart, Path withoutExtension) throws IOException {
        BitmapEncoder.saveBitmap(chart, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
        return withoutExtension.resolveSibling(withoutExtension.getFileName() + ".png");
    }
}
