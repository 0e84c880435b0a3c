package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads text as a value of another kind, for CAST(text AS type) and for typed literals such as
 * {@code DATE '2024-01-31'}. Leading and trailing spaces are ignored.
 */
final class TextParsing {

    /** What Double.parseDouble would take beyond SQL's numbers ("1d", hexadecimal) is refused. */
    private static final Pattern DOUBLE = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(Infinity|NaN)");
    private static final Set<String> TRUE_WORDS = Set.of("true", "t", "yes", "y", "on", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "f", "no", "n", "off", "0");

    private TextParsing() {}

    /**
     * @throws IllegalArgumentException if the text is not a value of the kind; the message says
     *     what form was expected and does not repeat the text, which may be personal data
     */
    static Object parse(String text, ValueKind kind) {
        String trimmed = text.strip();
        try {
            return switch (kind) {
                case INTEGER -> Long.parseLong(trimmed);
                case DECIMAL -> new BigDecimal(trimmed);
                case DOUBLE -> parseDouble(trimmed);
                case BOOLEAN -> parseBoolean(trimmed);
                case TEXT -> text;
                case DATE -> LocalDate.parse(trimmed);
                case TIME -> LocalTime.parse(trimmed);
                case DATETIME -> LocalDateTime.parse(withT(trimmed));
                case TIMESTAMP -> OffsetDateTime.parse(withT(trimmed)).toInstant();
                default -> throw new IllegalStateException("no text form for " + kind);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("the text is not " + expectedForm(kind));
        }
    }

    static String expectedForm(ValueKind kind) {
        return switch (kind) {
            case INTEGER -> "an integer that fits a BIGINT";
            case DECIMAL -> "a decimal number";
            case DOUBLE -> "a number";
            case BOOLEAN -> "a boolean (true/false, t/f, yes/no, y/n, on/off, 1/0)";
            case DATE -> "a date (yyyy-mm-dd)";
            case TIME -> "a time (hh:mm[:ss[.fraction]])";
            case DATETIME -> "a date and time (yyyy-mm-dd hh:mm[:ss[.fraction]])";
            case TIMESTAMP -> "a date and time with a zone offset (yyyy-mm-ddThh:mm[:ss[.fraction]]Z or +hh:mm)";
            default -> kind.toString();
        };
    }

    private static double parseDouble(String text) {
        if (!DOUBLE.matcher(text).matches()) {
            throw new NumberFormatException();
        }
        return Double.parseDouble(text);
    }

    private static boolean parseBoolean(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw new NumberFormatException();
    }

    /** SQL writes a space between date and time, ISO-8601 a 'T'; take both. */
    private static String withT(String text) {
        return text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    }
}
