package dev.cdcpipeline.features;

import java.time.Instant;

/** Times and durations in dead-letter reasons, written for a person: {@code 2024-03-01T12:00:00Z}, {@code 1d 2h 5m}. */
final class TimeText {

    private TimeText() {}

    static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    static String duration(long millis) {
        StringBuilder text = new StringBuilder();
        long rest = millis;
        rest = part(text, rest, 86_400_000L, "d");
        rest = part(text, rest, 3_600_000L, "h");
        rest = part(text, rest, 60_000L, "m");
        rest = part(text, rest, 1_000L, "s");
        part(text, rest, 1L, "ms");
        return text.length() == 0 ? "0s" : text.toString();
    }

    private static long part(StringBuilder text, long millis, long unitMillis, String unit) {
        long units = millis / unitMillis;
        if (units > 0) {
            text.append(text.length() == 0 ? "" : " ").append(units).append(unit);
        }
        return millis % unitMillis;
    }
}
