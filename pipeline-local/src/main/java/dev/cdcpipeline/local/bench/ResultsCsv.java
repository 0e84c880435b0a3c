package dev.cdcpipeline.local.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the figures ({@code results.csv}) and the time series ({@code timeseries.csv}) as RFC 4180 CSV. */
final class ResultsCsv {

    static final String FIGURES_FILE = "results.csv";
    static final String SERIES_FILE = "timeseries.csv";

    private ResultsCsv() {}

    static void writeFigures(List<Figure> figures, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(line("phase", "metric", "value", "unit", "note"));
            for (Figure figure : figures) {
                out.write(line(figure.phase(), figure.metric(), FigureFormat.plain(figure.value()), figure.unit(), figure.note()));
            }
        }
    }

    static void writeSeries(List<TimeSeries> series, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(line("chart", "series", "x", "y"));
            for (TimeSeries line : series) {
                for (int i = 0; i < line.xs().size(); i++) {
                    out.write(line(line.chart(), line.name(), FigureFormat.plain(line.xs().get(i)),
                            FigureFormat.plain(line.ys().get(i))));
                }
            }
        }
    }

    static String line(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields[i]));
        }
        return line.append("\r\n").toString();
    }

    /** Quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
