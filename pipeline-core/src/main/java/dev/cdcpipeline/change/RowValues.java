package dev.cdcpipeline.change;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kinds of value a row may hold, and how to compare them.
 *
 * <ul>
 *   <li>{@link Long}: every integer column that fits (signed and unsigned up to INT UNSIGNED);
 *   <li>{@link BigDecimal}: DECIMAL (exact, never through a double) and BIGINT UNSIGNED;
 *   <li>{@link Double}: FLOAT and DOUBLE; {@link Boolean}: BIT(1);
 *   <li>{@link String}: character types, ENUM, SET; {@link JsonText}: JSON;
 *   <li>{@code byte[]}: binary types and BLOB;
 *   <li>{@link LocalDate}: DATE; {@link LocalTime}: TIME; {@link LocalDateTime}: DATETIME and
 *       PostgreSQL timestamp, a wall-clock time with no zone; {@link Instant}: TIMESTAMP and
 *       timestamptz, a point in time;
 *   <li>{@link List}: a PostgreSQL array, of values of the kinds above.
 * </ul>
 */
public final class RowValues {

    private RowValues() {}

    /** Equal by content: byte arrays by their bytes, decimals by value whatever their scale. */
    public static boolean sameValue(Object left, Object right) {
        if (left instanceof byte[] leftBytes && right instanceof byte[] rightBytes) {
            return Arrays.equals(leftBytes, rightBytes);
        }
        if (left instanceof BigDecimal leftDecimal && right instanceof BigDecimal rightDecimal) {
            return leftDecimal.compareTo(rightDecimal) == 0;
        }
        if (left instanceof List<?> leftList && right instanceof List<?> rightList) {
            if (leftList.size() != rightList.size()) {
                return false;
            }
            for (int i = 0; i < leftList.size(); i++) {
                if (!sameValue(leftList.get(i), rightList.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(left, right);
    }

    public static boolean sameRow(Map<String, Object> left, Map<String, Object> right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (!left.keySet().equals(right.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> column : left.entrySet()) {
            if (!sameValue(column.getValue(), right.get(column.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A canonical text of a key value, for routing: equal values give equal texts. */
    public static String toKeyText(Object value) {
        if (value == null) {
            return "\u0002";
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
