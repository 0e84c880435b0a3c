package dev.cdcpipeline.functions;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact numbers as text, for consumers that would lose digits reading them as JSON numbers or doubles. */
public final class Decimals {

    private Decimals() {}

    /**
     * The decimal's digits as plain text, scale kept and never in exponent form: {@code 19.9900}
     * stays {@code 19.9900}, {@code 1E+3} becomes {@code 1000}. Null for null.
     */
    public static String exactDecimalText(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /**
     * An exact number of any Java type as {@link #exactDecimalText(BigDecimal)} writes it; null for null.
     *
     * @throws IllegalArgumentException for a binary floating-point number, whose decimal digits are
     *     not exact, or anything else that is not an integer or a decimal
     */
    public static String exactDecimalText(Number value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return exactDecimalText(decimal);
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        throw new IllegalArgumentException("exactDecimalText takes an integer or a decimal, not a "
                + value.getClass().getSimpleName() + ": its decimal digits would not be exact");
    }
}
