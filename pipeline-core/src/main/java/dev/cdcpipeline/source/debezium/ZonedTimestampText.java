package dev.cdcpipeline.source.debezium;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads Debezium's {@code io.debezium.time.ZonedTimestamp} values: ISO-8601 text with an offset,
 * which Debezium renders in UTC for MySQL's TIMESTAMP and PostgreSQL's timestamptz, such as
 * {@code 2026-11-25T10:00:00.123456Z}.
 *
 * <p>Why not just {@link OffsetDateTime#parse}: a TIMESTAMP column in every row made that parse a
 * quarter of the source thread's CPU during a snapshot (the formatter resolves fields through
 * maps). Text of the shape Debezium writes in UTC is read digit by digit here; any other shape (an
 * offset other than {@code Z}, a year beyond 9999) goes to {@link OffsetDateTime#parse}, and a
 * value out of range fails as that parse would.
 */
final class ZonedTimestampText {

    /** {@code yyyy-MM-ddTHH:mm:ssZ}: the shortest text of the fast shape. */
    private static final int SHORTEST = 20;
    private static final int MAX_FRACTION_DIGITS = 9;

    private ZonedTimestampText() {}

    static Instant toInstant(String text) {
        Instant instant = utcOrNull(text);
        return instant != null ? instant : OffsetDateTime.parse(text).toInstant();
    }

    /** The instant of text of the shape {@code yyyy-MM-ddTHH:mm:ss[.f...]Z}; null for any other shape. */
    private static Instant utcOrNull(String text) {
        int length = text.length();
        if (length < SHORTEST || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > SHORTEST) {
            int fractionDigits = length - SHORTEST - 1;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS) {
                return null;
            }
            int fraction = digits(text, 20, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int scale = fractionDigits; scale < MAX_FRACTION_DIGITS; scale++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        // LocalDateTime.of checks every field's range, as the ISO parse does.
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number of {@code count} ASCII digits from {@code start}; -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int number = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
