package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.JsonText;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values the warehouse would reject or change, found before they are written: a rejected row would
 * fail its whole batch, and the job would restart on it forever. Reasons name the column and never
 * quote the value.
 *
 * <ul>
 *   <li>MySQL and MariaDB text may hold the NUL character; PostgreSQL's text and jsonb cannot (error
 *       "invalid byte sequence for encoding UTF8: 0x00");
 *   <li>a null for a column that is NOT NULL in the warehouse (a constraint its owner added);
 *   <li>a value that does not fit the warehouse column's type (see {@link #notFitting}): usually
 *       a source column that was widened, which the warehouse can follow.
 * </ul>
 */
final class WarehouseValues {

    private static final char NUL = '\u0000';
    /** How JSON writes NUL; jsonb refuses it ("unsupported Unicode escape sequence"). */
    private static final String JSON_NUL_ESCAPE = "\\u0000";
    private static final String KEEPS_PREVIOUS = "; the warehouse row keeps its previous version";
    /** Nanoseconds in the last digit a time type keeps, by its fractional-second digits (0 to 9). */
    private static final int[] NANOS_PER_UNIT =
            {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    private static final int MAX_FRACTION_DIGITS = 9;

    private WarehouseValues() {}

    /** Why PostgreSQL could not store the row whatever its table's schema: NUL characters. */
    static Optional<String> problemOf(Map<String, Object> row) {
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (holdsNul(column.getValue())) {
                return Optional.of("column '" + column.getKey() + "' holds the NUL character (U+0000), which PostgreSQL"
                        + " text and jsonb cannot store" + KEEPS_PREVIOUS);
            }
        }
        return Optional.empty();
    }

    /**
     * Why the row cannot be stored in {@code table} in a way no schema change of the source would
     * explain: NUL characters, or a null for a column that is NOT NULL in the warehouse.
     */
    static Optional<String> problemOf(Map<String, Object> row, LiveTable table) {
        Optional<String> nul = problemOf(row);
        if (nul.isPresent()) {
            return nul;
        }
        for (LiveColumn column : table.columns()) {
            if (column.notNull() && row.containsKey(column.name()) && row.get(column.name()) == null) {
                return Optional.of("column '" + column.name() + "' is NOT NULL in the warehouse table "
                        + table.qualifiedName() + ", and the change has no value for it" + KEEPS_PREVIOUS);
            }
        }
        return Optional.empty();
    }

    /** The row's columns whose value {@code table}'s column of that name cannot hold exactly, with why. */
    static Map<String, String> notFitting(Map<String, Object> row, LiveTable table) {
        Map<String, String> notFitting = Map.of();
        for (LiveColumn column : table.columns()) {
            Object value = row.get(column.name());
            Optional<String> why = value == null ? Optional.empty() : whyNotFitting(value, column.type());
            if (why.isPresent()) {
                // Allocated only for the rare row that does not fit: this runs for every change.
                notFitting = notFitting.isEmpty() ? new LinkedHashMap<>() : notFitting;
                notFitting.put(column.name(), why.get());
            }
        }
        return notFitting;
    }

    /**
     * Why a column of {@code type} cannot hold {@code value} exactly: PostgreSQL would refuse it
     * (out of range) or silently change it (rounding fraction digits). Checked for the types the
     * pipeline creates; other types are left to PostgreSQL.
     */
    static Optional<String> whyNotFitting(Object value, ColumnType type) {
        boolean numericType = type.isInteger() || type.name().equals(ColumnType.NUMERIC)
                || type.name().equals(ColumnType.REAL) || type.name().equals(ColumnType.DOUBLE);
        if (numericType && !(value instanceof Number)) {
            // A source column that became text, a date ...: the cast would fail, or read what it can.
            return Optional.of("is not a number, which " + type.sql() + " cannot hold");
        }
        if (type.isInteger() && value instanceof Double) {
            return Optional.of("is a floating-point number, which " + type.sql() + " would round");
        }
        if (type.isInteger()) {
            return fitsInteger(value, type) ? Optional.empty() : Optional.of("is outside the range of " + type.sql());
        }
        return switch (type.name()) {
            case ColumnType.NUMERIC -> type.size() == 0 ? Optional.empty() : decimalProblem(value, type);
            case ColumnType.REAL -> value instanceof Double number && !fitsReal(number)
                    ? Optional.of("needs double precision; " + type.sql() + " would lose digits") : Optional.empty();
            case ColumnType.VARCHAR -> value instanceof String text && type.size() > 0
                    && text.codePointCount(0, text.length()) > type.size()
                    ? Optional.of("is longer than " + type.sql() + " holds") : Optional.empty();
            case ColumnType.TIMESTAMP, ColumnType.TIMESTAMPTZ, ColumnType.TIME -> type.size() < MAX_FRACTION_DIGITS
                    && nanosOf(value) % NANOS_PER_UNIT[type.size()] != 0
                    ? Optional.of("has more fractional-second digits than " + type.sql() + " keeps (PostgreSQL would round it)")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** Whether a Long or an integral BigDecimal (BIGINT UNSIGNED) is within the integer type's range. */
    private static boolean fitsInteger(Object value, ColumnType type) {
        long limit = switch (type.name()) {
            case ColumnType.SMALLINT -> Short.MAX_VALUE;
            case ColumnType.INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        if (value instanceof Long number) {
            return number <= limit && number >= -limit - 1;
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            // A fraction cannot go into an integer column without rounding.
            return stripped.scale() <= 0 && stripped.compareTo(BigDecimal.valueOf(limit)) <= 0
                    && stripped.compareTo(BigDecimal.valueOf(-limit - 1)) >= 0;
        }
        return true;
    }

    /**
     * Whether a real holds the double: a FLOAT column's value arrives as the float widened to a
     * double (from the binlog) or as the float's shortest decimal read as a double (the snapshot's
     * text protocol); either becomes that same float again.
     */
    private static boolean fitsReal(double number) {
        float real = (float) number;
        return Double.isNaN(number) || Double.isInfinite(number) || real == number
                || Double.parseDouble(Float.toString(real)) == number;
    }

    private static Optional<String> decimalProblem(Object value, ColumnType type) {
        BigDecimal decimal = value instanceof BigDecimal exact ? exact
                : value instanceof Long number ? BigDecimal.valueOf(number) : null;
        if (decimal == null) {
            return Optional.empty();
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return Optional.empty();
        }
        if (stripped.scale() > type.scale()) {
            return Optional.of("has more fraction digits than " + type.sql() + " keeps (PostgreSQL would round it)");
        }
        int integerDigits = stripped.precision() - stripped.scale();
        if (integerDigits > type.size() - type.scale()) {
            return Optional.of("has more integer digits than " + type.sql() + " holds");
        }
        return Optional.empty();
    }

    /** Nanoseconds of a date-time or time value; 0 for values of other kinds. */
    private static int nanosOf(Object value) {
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.getNano();
        }
        if (value instanceof Instant instant) {
            return instant.getNano();
        }
        if (value instanceof LocalTime time) {
            return time.getNano();
        }
        return 0;
    }

    private static boolean holdsNul(Object value) {
        if (value instanceof String text) {
            return text.indexOf(NUL) >= 0;
        }
        if (value instanceof JsonText json) {
            return json.json().indexOf(NUL) >= 0 || json.json().contains(JSON_NUL_ESCAPE);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(WarehouseValues::holdsNul);
        }
        return false;
    }
}
