package dev.cdcpipeline.local.bench;

import java.io.PrintStream;
import java.util.List;

/** Prints the figures as a table with aligned columns, one row per figure, a blank line between phases. */
final class ResultTable {

    private static final String[] HEADER = {"phase", "metric", "value", "unit", "note"};

    private ResultTable() {}

    static void print(List<Figure> figures, PrintStream out) {
        int phaseWidth = HEADER[0].length();
        int metricWidth = HEADER[1].length();
        int valueWidth = HEADER[2].length();
        int unitWidth = HEADER[3].length();
        for (Figure figure : figures) {
            phaseWidth = Math.max(phaseWidth, figure.phase().length());
            metricWidth = Math.max(metricWidth, figure.metric().length());
            valueWidth = Math.max(valueWidth, FigureFormat.readable(figure.value()).length());
            unitWidth = Math.max(unitWidth, figure.unit().length());
        }
        String format = "%-" + phaseWidth + "s  %-" + metricWidth + "s  %" + valueWidth + "s  %-" + unitWidth + "s  %s%n";
        out.printf(format, (Object[]) HEADER);
        String previousPhase = null;
        for (Figure figure : figures) {
            if (previousPhase != null && !previousPhase.equals(figure.phase())) {
                out.println();
            }
            out.printf(format, figure.phase(), figure.metric(), FigureFormat.readable(figure.value()), figure.unit(), figure.note());
            previousPhase = figure.phase();
        }
    }
}
