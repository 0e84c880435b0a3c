package dev.cdcpipeline.features;

import dev.cdcpipeline.change.RowValues;
import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One aggregate function over the values of one column in one window. Pure: the same values give
 * the same result, whatever the state backend's iteration order (the caller sorts the rows).
 */
final class AggregateValues {

    /** Digits an average of integers or decimals keeps beyond its values' own. */
    static final int AVERAGE_EXTRA_SCALE = 4;

    private AggregateValues() {}

    /**
     * @param function the aggregate
     * @param kind the column's value kind; null for a COUNT of rows
     * @param values the column's values in the window's rows, oldest row first (null values kept,
     *     so a COUNT of rows is their number); for a COUNT of rows, one entry per row
     */
    static Object apply(AggregateFunction function, ValueKind kind, List<Object> values) {
        List<Object> present = values.stream().filter(value -> value != null).toList();
        return switch (function) {
            case COUNT -> (long) (kind == null ? values.size() : present.size());
            case SUM -> sum(kind, present);
            case AVG -> present.isEmpty() ? null : average(kind, present);
            case MIN -> extreme(present, -1);
            case MAX -> extreme(present, 1);
            // The newest row's value, even when that is null: it is what the entity has now.
            case LATEST -> values.isEmpty() ? null : values.get(values.size() - 1);
            case COUNT_DISTINCT -> countDistinct(present);
        };
    }

    /** 0 of the column's kind when there is no value, so a sum is never null. */
    private static Object sum(ValueKind kind, List<Object> values) {
        return switch (kind) {
            case INTEGER -> {
                long sum = 0;
                for (Object value : values) {
                    // Exact or failing: a wrapped-around sum would be a silently wrong feature.
                    sum = Math.addExact(sum, (Long) value);
                }
                yield sum;
            }
            case DECIMAL -> decimalSum(values);
            case DOUBLE -> {
                double sum = 0.0;
                for (Object value : values) {
                    sum += (Double) value;
                }
                yield sum;
            }
            default -> throw new IllegalArgumentException("sum of a " + kind + " column");
        };
    }

    /**
     * Integers and decimals: the exact sum divided by the count, with the values' largest scale
     * plus {@link #AVERAGE_EXTRA_SCALE} digits, rounded half-even. Doubles: a double mean.
     */
    private static Object average(ValueKind kind, List<Object> values) {
        if (kind == ValueKind.DOUBLE) {
            return (Double) sum(kind, values) / values.size();
        }
        int scale = 0;
        for (Object value : values) {
            scale = Math.max(scale, asDecimal(value).scale());
        }
        return decimalSum(values).divide(BigDecimal.valueOf(values.size()), scale + AVERAGE_EXTRA_SCALE,
                RoundingMode.HALF_EVEN);
    }

    private static BigDecimal decimalSum(List<Object> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Object value : values) {
            sum = sum.add(asDecimal(value));
        }
        return sum;
    }

    private static BigDecimal asDecimal(Object value) {
        return value instanceof Long number ? BigDecimal.valueOf(number) : (BigDecimal) value;
    }

    /**
     * The least ({@code sign} -1) or greatest (+1) value in natural order; decimals by value, so of
     * 1.0 and 1.00 the older row's is kept.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object extreme(List<Object> values, int sign) {
        Comparable best = null;
        for (Object value : values) {
            Comparable candidate = (Comparable) value;
            if (best == null || Integer.signum(candidate.compareTo(best)) == sign) {
                best = candidate;
            }
        }
        return best;
    }

    private static long countDistinct(List<Object> values) {
        Set<String> distinct = new HashSet<>();
        for (Object value : values) {
            distinct.add(RowValues.toKeyText(value));
        }
        return distinct.size();
    }
}
