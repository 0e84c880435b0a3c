package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which kinds CAST turns into which, and how. Numbers round half away from zero when they lose
 * digits (2.5 to BIGINT is 3); nothing overflows silently. A TIMESTAMP does not become a DATETIME
 * or DATE, nor the reverse: that needs a time zone, which an expression does not choose.
 */
final class Conversions {

    private static final Set<ValueKind> NUMBERS = EnumSet.of(ValueKind.INTEGER, ValueKind.DECIMAL, ValueKind.DOUBLE);

    /** Target kinds by source kind; every kind but BYTES and ARRAY also becomes TEXT, and TEXT becomes anything. */
    private static final Map<ValueKind, Set<ValueKind>> TARGETS = Map.of(
            ValueKind.INTEGER, union(NUMBERS, EnumSet.of(ValueKind.BOOLEAN)),
            ValueKind.DECIMAL, NUMBERS,
            ValueKind.DOUBLE, NUMBERS,
            ValueKind.BOOLEAN, EnumSet.of(ValueKind.BOOLEAN, ValueKind.INTEGER),
            ValueKind.DATE, EnumSet.of(ValueKind.DATE, ValueKind.DATETIME),
            ValueKind.TIME, EnumSet.of(ValueKind.TIME),
            ValueKind.DATETIME, EnumSet.of(ValueKind.DATETIME, ValueKind.DATE, ValueKind.TIME),
            ValueKind.TIMESTAMP, EnumSet.of(ValueKind.TIMESTAMP));

    private Conversions() {}

    static boolean allowed(ValueKind from, ValueKind to) {
        // CAST names no JSON, BYTES or ARRAY type, so TEXT can parse into every target there is.
        if (from == to || from == ValueKind.TEXT) {
            return true;
        }
        if (to == ValueKind.TEXT) {
            return TextRendering.renderable(from);
        }
        return TARGETS.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * @throws ArithmeticException if the value does not fit the target
     * @throws IllegalArgumentException if text does not parse as the target
     */
    static Object convert(Object value, CastTarget target) {
        Object converted = convert(value, target.kind());
        if (target.kind() == ValueKind.DECIMAL && target.precision() > 0) {
            return fit((BigDecimal) converted, target);
        }
        return converted;
    }

    private static Object convert(Object value, ValueKind to) {
        if (to == ValueKind.TEXT) {
            return TextRendering.render(value);
        }
        if (value instanceof String text) {
            return TextParsing.parse(text, to);
        }
        if (value instanceof Boolean flag) {
            if (to == ValueKind.INTEGER) {
                return flag ? 1L : 0L;
            }
            return flag;
        }
        if (value instanceof Number number) {
            return convertNumber(number, to);
        }
        if (value instanceof LocalDate date) {
            return to == ValueKind.DATETIME ? date.atStartOfDay() : date;
        }
        if (value instanceof LocalDateTime dateTime) {
            return switch (to) {
                case DATE -> dateTime.toLocalDate();
                case TIME -> dateTime.toLocalTime();
                default -> dateTime;
            };
        }
        return value;
    }

    private static Object convertNumber(Number number, ValueKind to) {
        switch (to) {
            case INTEGER:
                if (number instanceof Long) {
                    return number;
                }
                try {
                    return Numbers.toDecimal(number).setScale(0, RoundingMode.HALF_UP).longValueExact();
                } catch (ArithmeticException e) {
                    throw new ArithmeticException("the value does not fit a BIGINT");
                }
            case DECIMAL:
                try {
                    return Numbers.toDecimal(number);
                } catch (ArithmeticException e) {
                    throw new ArithmeticException("NaN and infinities have no DECIMAL value");
                }
            case DOUBLE:
                double value = number.doubleValue();
                if (Double.isInfinite(value) && number instanceof BigDecimal) {
                    throw new ArithmeticException("the value does not fit a DOUBLE");
                }
                return value;
            case BOOLEAN:
                return number.longValue() != 0;
            default:
                throw new IllegalStateException("number to " + to);
        }
    }

    /** DECIMAL(p, s): rounded to s digits after the point; more than p - s before it is an error, not a cut. */
    private static BigDecimal fit(BigDecimal value, CastTarget target) {
        BigDecimal rounded = value.setScale(target.scale(), RoundingMode.HALF_UP);
        if (rounded.precision() - rounded.scale() > target.precision() - target.scale()) {
            throw new ArithmeticException("the value does not fit a " + target.describe());
        }
        return rounded;
    }

    private static Set<ValueKind> union(Set<ValueKind> first, Set<ValueKind> second) {
        Set<ValueKind> union = EnumSet.copyOf(first);
        union.addAll(second);
        return union;
    }
}
