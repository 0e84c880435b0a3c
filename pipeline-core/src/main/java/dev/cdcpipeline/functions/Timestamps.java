package dev.cdcpipeline.functions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * One text form for points in time, whatever type or zone they come in: ISO-8601 in UTC with
 * {@code Z}, with as many fractional digits as needed in groups of three
 * ({@code 2024-03-31T00:30:00.250Z}).
 */
public final class Timestamps {

    /** Where ISO-8601 writes {@code T} between date and time, SQL writes a space. */
    private static final int DATE_TIME_SEPARATOR_INDEX = "2024-03-31".length();

    private Timestamps() {}

    /** The instant in UTC; null for null. */
    public static String normalizeTimestamp(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /**
     * A date-time without a zone (SQL TIMESTAMP, MySQL DATETIME) read as UTC wall-clock time;
     * null for null. A value written in another zone's wall-clock time must be converted first.
     */
    public static String normalizeTimestamp(LocalDateTime dateTime) {
        return dateTime == null ? null : normalizeTimestamp(dateTime.toInstant(ZoneOffset.UTC));
    }

    /**
     * ISO-8601 text: with an offset or zone ({@code 2024-03-31T02:30:00.25+02:00},
     * {@code ...+02:00[Europe/Berlin]}, {@code ...Z}) it is converted to UTC; without one
     * ({@code 2024-03-31T00:30:00.25}) it is read as UTC. A space may stand for the {@code T}, as
     * SQL writes it. Null for null.
     *
     * @throws IllegalArgumentException if the text is not an ISO-8601 date-time
     */
    public static String normalizeTimestamp(String text) {
        if (text == null) {
            return null;
        }
        String iso = text.trim();
        if (iso.length() > DATE_TIME_SEPARATOR_INDEX && iso.charAt(DATE_TIME_SEPARATOR_INDEX) == ' ') {
            iso = iso.substring(0, DATE_TIME_SEPARATOR_INDEX) + 'T' + iso.substring(DATE_TIME_SEPARATOR_INDEX + 1);
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned
                    ? normalizeTimestamp(zoned.toInstant())
                    : normalizeTimestamp((LocalDateTime) parsed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not an ISO-8601 date-time: '" + text + "'", e);
        }
    }
}
