package dev.cdcpipeline.local.bench;

import java.util.Locale;

/** Numbers as the bench prints them: readable in the table, exact enough in the CSV. */
final class FigureFormat {

    private FigureFormat() {}

    /** For the table: thousands grouped, decimals only where they matter. */
    static String readable(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** For the CSV: no grouping, up to four decimals, no trailing zeros. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%.4f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
