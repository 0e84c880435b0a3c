package dev.cdcpipeline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.util.TimeUtils;

/**
 * How the text of one value becomes a typed value, and how to tell the user what text was expected.
 *
 * <p>Every value arrives as text (see {@link YamlTreeLoader}), so {@code 3306} and {@code "3306"}
 * read the same. Numbers, durations and choices ignore surrounding blanks; free text keeps them.
 *
 * @param expected completes "expected ...", e.g. {@code an integer between 1 and 65535}
 * @param parser turns the text into the value; throws {@link IllegalArgumentException} if it does not fit
 */
record ValueFormat<T>(String expected, Function<String, T> parser) {

    ValueFormat {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(parser, "parser");
    }

    /** @throws IllegalArgumentException if the text does not have this format */
    T parse(String text) {
        return parser.apply(text);
    }

    /** This format, also requiring {@code condition} of the value; {@code expected} replaces the description. */
    ValueFormat<T> where(Predicate<T> condition, String expected) {
        return new ValueFormat<>(expected, text -> {
            T value = parse(text);
            if (!condition.test(value)) {
                throw new IllegalArgumentException();
            }
            return value;
        });
    }

    /** Any text, the empty string included. */
    static ValueFormat<String> anyText(String expected) {
        return new ValueFormat<>(expected, text -> text);
    }

    /** Text, kept as written, for which {@code condition} holds. */
    static ValueFormat<String> text(Predicate<String> condition, String expected) {
        return anyText(expected).where(condition, expected);
    }

    /** Text with at least one non-blank character, kept as written. */
    static ValueFormat<String> nonBlankText(String expected) {
        return text(text -> !text.isBlank(), expected);
    }

    /** Text that matches {@code regex} in full. */
    static ValueFormat<String> matching(String regex, String expected) {
        Pattern pattern = Pattern.compile(regex);
        return text(text -> pattern.matcher(text).matches(), expected);
    }

    static ValueFormat<Integer> integerBetween(int min, int max) {
        return integer().where(value -> min <= value && value <= max,
                "an integer between " + min + " and " + max);
    }

    static ValueFormat<Integer> integerAtLeast(int min) {
        return integer().where(value -> value >= min, "an integer >= " + min);
    }

    private static ValueFormat<Integer> integer() {
        return new ValueFormat<>("an integer", text -> {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /** A duration as Flink writes them ({@code 500ms}, {@code 10s}, {@code 15min}, {@code 7d}), greater than zero. */
    static ValueFormat<Duration> positiveDuration() {
        return nonNegativeDuration().where(value -> !value.isZero(), "a duration > 0 such as 500ms, 10s, 15min or 7d");
    }

    /** A duration as Flink writes them, zero allowed. */
    static ValueFormat<Duration> nonNegativeDuration() {
        return new ValueFormat<>("a duration such as 0s, 500ms, 10s, 15min or 7d", text -> {
            try {
                return TimeUtils.parseDuration(text.strip());
            } catch (ArithmeticException e) { // a number too large for its unit
                throw new IllegalArgumentException(e);
            }
        });
    }

    /** One of the enum's constants, written in kebab-case: {@code EXACTLY_ONCE} is {@code exactly-once}. */
    static <E extends Enum<E>> ValueFormat<E> oneOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String choices = Arrays.stream(constants).map(ValueFormat::configName).collect(Collectors.joining(", "));
        return new ValueFormat<>("one of " + choices, text -> Arrays.stream(constants)
                .filter(constant -> configName(constant).equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(IllegalArgumentException::new));
    }

    /** How an enum constant is written in the pipeline definition. */
    static String configName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ValueFormat<ZoneId> zoneId() {
        return new ValueFormat<>("a time zone ID such as UTC or Europe/Berlin", text -> {
            try {
                return ZoneId.of(text.strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }

    /** A URI with a scheme ({@code file:///...}, {@code s3://...}), kept as written. */
    static ValueFormat<String> uriWithScheme(String expected) {
        return text(ValueFormat::hasScheme, expected);
    }

    private static boolean hasScheme(String text) {
        try {
            return new URI(text.strip()).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
