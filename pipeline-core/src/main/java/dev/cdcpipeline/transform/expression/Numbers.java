package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;

/**
 * Numbers of the three numeric kinds: which kind a mix of them gives, and exact conversion and
 * comparison between them. A decimal never goes through a double unless a DOUBLE is involved.
 */
final class Numbers {

    private Numbers() {}

    /** The kind two numbers are combined in: DOUBLE if either is one (it is inexact already), else DECIMAL if either is one. */
    static ValueKind widest(ValueKind left, ValueKind right) {
        if (left == ValueKind.DOUBLE || right == ValueKind.DOUBLE) {
            return ValueKind.DOUBLE;
        }
        if (left == ValueKind.DECIMAL || right == ValueKind.DECIMAL) {
            return ValueKind.DECIMAL;
        }
        return ValueKind.INTEGER;
    }

    /** A Long, BigDecimal or Double as the Java type of {@code kind}, where {@code kind} is at least as wide. */
    static Object widen(Object number, ValueKind kind) {
        if (number == null) {
            return null;
        }
        return switch (kind) {
            case DECIMAL -> toDecimal(number);
            case DOUBLE -> ((Number) number).doubleValue();
            default -> number;
        };
    }

    /**
     * The exact value of a Long or BigDecimal; a Double by its shortest decimal form (0.1 stays 0.1).
     *
     * @throws ArithmeticException for NaN and infinities, which no decimal holds
     */
    static BigDecimal toDecimal(Object number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof Long integer) {
            return BigDecimal.valueOf(integer);
        }
        double value = (Double) number;
        if (!Double.isFinite(value)) {
            throw new ArithmeticException(value + " has no decimal value");
        }
        return BigDecimal.valueOf(value);
    }

    /** Compares numbers of any kinds by their exact values: {@code 1.0 = 1.00 = 1}. */
    static int compare(Object left, Object right) {
        if (left instanceof Long leftInteger && right instanceof Long rightInteger) {
            return Long.compare(leftInteger, rightInteger);
        }
        if (isNonFinite(left) || isNonFinite(right)) {
            // NaN and infinities have no decimal value; as doubles, NaN sorts above +Infinity (as in PostgreSQL).
            return Double.compare(((Number) left).doubleValue(), ((Number) right).doubleValue());
        }
        return toDecimal(left).compareTo(toDecimal(right));
    }

    private static boolean isNonFinite(Object number) {
        return number instanceof Double value && !Double.isFinite(value);
    }
}
