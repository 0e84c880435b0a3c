package dev.cdcpipeline.local.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Picks single values out of the JSON of a change record without parsing all of it: the bench
 * reads tens of thousands of records a second in the JVM it measures. Works on the pipeline's
 * change records, where an insert's {@code before} is null so the first occurrence of a column is
 * in {@code after}, and on the peer's upserted rows.
 */
final class JsonFields {

    private JsonFields() {}

    /** The epoch milliseconds of the first {@code "field":"<ISO instant>"}, e.g. {@code updated_at}. */
    static OptionalLong instantMillis(byte[] json, String field) {
        if (json == null) {
            return OptionalLong.empty();
        }
        String text = new String(json, StandardCharsets.UTF_8);
        String marker = "\"" + field + "\":\"";
        int start = text.indexOf(marker);
        if (start < 0) {
            return OptionalLong.empty();
        }
        start += marker.length();
        int end = text.indexOf('"', start);
        try {
            return end < 0 ? OptionalLong.empty() : OptionalLong.of(Instant.parse(text.substring(start, end)).toEpochMilli());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }

    /** The first whole number value of {@code "field":}, e.g. the id in a record key {@code {"id":42}}. */
    static OptionalLong longValue(byte[] json, String field) {
        if (json == null) {
            return OptionalLong.empty();
        }
        String text = new String(json, StandardCharsets.UTF_8);
        String marker = "\"" + field + "\":";
        int start = text.indexOf(marker);
        if (start < 0) {
            return OptionalLong.empty();
        }
        int position = start + marker.length();
        int end = position;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || (end == position && text.charAt(end) == '-'))) {
            end++;
        }
        return end == position ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text.substring(position, end)));
    }
}
