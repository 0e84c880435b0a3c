package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The functions called as {@code name(arguments)}, except coalesce and cast, which have nodes of
 * their own. All but concat give null when an argument is null.
 */
enum BuiltInFunction {
    UPPER(1, 1),
    LOWER(1, 1),
    /** Removes leading and trailing spaces (only spaces, as SQL's TRIM does). */
    TRIM(1, 1),
    /** The number of characters (Unicode code points, so an emoji counts 1). */
    LENGTH(1, 1),
    /** {@code substring(text, start[, length])}: 1-based; a window reaching outside the text is cut to it, as in SQL. */
    SUBSTRING(2, 3),
    /** Joins its arguments' texts, skipping nulls (as PostgreSQL's concat does); never null. */
    CONCAT(1, Integer.MAX_VALUE),
    ABS(1, 1),
    /** {@code round(x[, digits])}: half away from zero, to digits after the point (negative: before it); kind kept. */
    ROUND(1, 2);

    /** Beyond this, rounding could build numbers with millions of digits. */
    private static final int MAX_ROUND_DIGITS = 1000;

    private final int minArguments;
    private final int maxArguments;

    BuiltInFunction(int minArguments, int maxArguments) {
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** The name as written in expressions. */
    String functionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BuiltInFunction named(String name) {
        for (BuiltInFunction function : values()) {
            if (function.name().equalsIgnoreCase(name)) {
                return function;
            }
        }
        return null;
    }

    int minArguments() {
        return minArguments;
    }

    int maxArguments() {
        return maxArguments;
    }

    /** Checks the arguments' kinds (throwing an {@link ExpressionException}) and gives the result's kind. */
    ValueKind resultKind(FunctionArguments arguments) {
        switch (this) {
            case UPPER, LOWER, TRIM:
                arguments.requireKind(0, ValueKind.TEXT);
                return ValueKind.TEXT;
            case LENGTH:
                arguments.requireKind(0, ValueKind.TEXT);
                return ValueKind.INTEGER;
            case SUBSTRING:
                arguments.requireKind(0, ValueKind.TEXT);
                for (int i = 1; i < arguments.count(); i++) {
                    arguments.requireKind(i, ValueKind.INTEGER);
                }
                return ValueKind.TEXT;
            case CONCAT:
                for (int i = 0; i < arguments.count(); i++) {
                    arguments.requireRenderable(i);
                }
                return ValueKind.TEXT;
            case ABS, ROUND:
                arguments.requireNumber(0);
                if (arguments.count() == 2) {
                    arguments.requireKind(1, ValueKind.INTEGER);
                }
                return arguments.kind(0);
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Whether a null argument makes the result null without calling {@link #apply}. */
    boolean nullInNullOut() {
        return this != CONCAT;
    }

    /**
     * @param values the arguments' values, of the kinds {@link #resultKind} checked
     * @throws ArithmeticException or IllegalArgumentException with a message free of the values
     */
    Object apply(List<Object> values) {
        return switch (this) {
            case UPPER -> ((String) values.get(0)).toUpperCase(Locale.ROOT);
            case LOWER -> ((String) values.get(0)).toLowerCase(Locale.ROOT);
            case TRIM -> trimSpaces((String) values.get(0));
            case LENGTH -> (long) ((String) values.get(0)).codePointCount(0, ((String) values.get(0)).length());
            case SUBSTRING -> substring((String) values.get(0), (long) values.get(1), values.size() == 3 ? (Long) values.get(2) : null);
            case CONCAT -> concat(values);
            case ABS -> abs(values.get(0));
            case ROUND -> round(values.get(0), values.size() == 2 ? (long) values.get(1) : 0);
        };
    }

    private static String trimSpaces(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    /** SQL's window: characters at positions [start, start + length) that exist; start may be 0 or negative. */
    private static String substring(String text, long start, Long length) {
        if (length != null && length < 0) {
            throw new IllegalArgumentException("negative substring length");
        }
        long characters = text.codePointCount(0, text.length());
        long end;
        try {
            end = length == null ? Long.MAX_VALUE : Math.addExact(start, length);
        } catch (ArithmeticException e) {
            end = Long.MAX_VALUE;
        }
        long from = Math.max(start, 1);
        long to = Math.min(end, characters + 1);
        if (from >= to) {
            return "";
        }
        return text.substring(text.offsetByCodePoints(0, (int) from - 1), text.offsetByCodePoints(0, (int) to - 1));
    }

    private static String concat(List<Object> values) {
        StringBuilder joined = new StringBuilder();
        for (Object value : values) {
            if (value != null) {
                joined.append(TextRendering.render(value));
            }
        }
        return joined.toString();
    }

    private static Object abs(Object number) {
        if (number instanceof Long integer) {
            if (integer == Long.MIN_VALUE) {
                throw new ArithmeticException("integer overflow: the result does not fit a BIGINT");
            }
            return Math.abs(integer);
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.abs();
        }
        return Math.abs((Double) number);
    }

    private static Object round(Object number, long digits) {
        if (Math.abs(digits) > MAX_ROUND_DIGITS) {
            throw new IllegalArgumentException("round's digits must be between -" + MAX_ROUND_DIGITS + " and " + MAX_ROUND_DIGITS);
        }
        int scale = (int) digits;
        if (number instanceof Long integer) {
            if (scale >= 0) {
                return integer;
            }
            try {
                return BigDecimal.valueOf(integer).setScale(scale, RoundingMode.HALF_UP).longValueExact();
            } catch (ArithmeticException e) {
                throw new ArithmeticException("integer overflow: the result does not fit a BIGINT");
            }
        }
        if (number instanceof BigDecimal decimal) {
            BigDecimal rounded = decimal.setScale(scale, RoundingMode.HALF_UP);
            // round(1250, -2) is 1300, not 1.3E+3: keep plain digits.
            return scale < 0 ? rounded.setScale(0) : rounded;
        }
        double value = (Double) number;
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
}
