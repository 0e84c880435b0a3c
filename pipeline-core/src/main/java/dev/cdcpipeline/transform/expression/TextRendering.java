package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Values as text, for CAST(x AS TEXT), {@code ||} and concat: the same text for the same value,
 * whatever produced it.
 */
final class TextRendering {

    private TextRendering() {}

    /** Whether values of the kind have a text form: all but bytes and arrays. */
    static boolean renderable(ValueKind kind) {
        return kind != ValueKind.BYTES && kind != ValueKind.ARRAY;
    }

    /**
     * Decimals in plain digits with their scale ({@code 19.990}, never {@code 1E+3}); doubles in
     * plain digits of their shortest form ({@code 0.1}, {@code 100}, {@code NaN}); booleans as
     * {@code true}/{@code false}; JSON as its text; dates and times in ISO-8601 with seconds always
     * shown ({@code 2024-01-31}, {@code 09:30:00}, {@code 2024-01-31T09:30:00}, {@code 2024-01-31T08:30:00Z}).
     */
    static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString() : number.toString();
        }
        if (value instanceof JsonText json) {
            return json.json();
        }
        // LocalTime.toString() leaves out zero seconds ("09:30"); the ISO formatters do not.
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        if (value instanceof LocalDateTime dateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        // Long, Boolean, LocalDate and Instant: toString() is the form wanted.
        return value.toString();
    }
}
