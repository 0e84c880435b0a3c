package dev.cdcpipeline.sink.warehouse;

import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A warehouse column's PostgreSQL type, read either as {@link PostgresTypes} writes it
 * ({@code varchar(20)}, {@code timestamptz(3)}) or as PostgreSQL's {@code format_type} prints it
 * ({@code character varying(20)}, {@code timestamp(3) with time zone}), so that the two compare.
 *
 * @param name the type without its modifiers, in the words {@link PostgresTypes} uses; a type this
 *     class does not know is kept as written ({@code jsonb}, {@code text[]})
 * @param size digits of {@code numeric}, characters of {@code varchar}, fractional-second digits of
 *     {@code timestamp}, {@code timestamptz} and {@code time}; 0 where the type has no limit or no size
 * @param scale digits after the point of {@code numeric}, else 0
 */
record ColumnType(String name, int size, int scale) implements Serializable {

    static final String SMALLINT = "smallint";
    static final String INTEGER = "integer";
    static final String BIGINT = "bigint";
    static final String NUMERIC = "numeric";
    static final String REAL = "real";
    static final String DOUBLE = "double precision";
    static final String VARCHAR = "varchar";
    static final String TEXT = "text";
    static final String TIMESTAMP = "timestamp";
    static final String TIMESTAMPTZ = "timestamptz";
    static final String TIME = "time";

    /** PostgreSQL's limit on numeric precision; beyond it only unconstrained numeric holds the digits. */
    private static final int MAX_NUMERIC_PRECISION = 1000;
    /** PostgreSQL's default (and maximum) fractional-second digits. */
    private static final int MICROSECONDS = 6;

    private static final Pattern MODIFIED = Pattern.compile("([a-z ]+?)\\s*\\((\\d+)(?:,\\s*(\\d+))?\\)\\s*([a-z ]*)");

    static ColumnType parse(String sqlType) {
        String type = sqlType.strip().toLowerCase(Locale.ROOT);
        if (type.endsWith("[]")) {
            // An array compares by its element type, written the same way on both sides.
            return new ColumnType(parse(type.substring(0, type.length() - 2)).sql() + "[]", 0, 0);
        }
        Matcher modified = MODIFIED.matcher(type);
        if (modified.matches()) {
            int size = Integer.parseInt(modified.group(2));
            int scale = modified.group(3) == null ? 0 : Integer.parseInt(modified.group(3));
            return new ColumnType(baseName(modified.group(1).strip(), modified.group(4).strip()), size, scale);
        }
        String name = baseName(type, "");
        boolean temporal = name.equals(TIMESTAMP) || name.equals(TIMESTAMPTZ) || name.equals(TIME);
        return new ColumnType(name, temporal ? MICROSECONDS : 0, 0);
    }

    private static String baseName(String name, String suffix) {
        String withZone = suffix.equals("with time zone") ? name + "tz" : name;
        return switch (withZone) {
            case "int2" -> SMALLINT;
            case "int", "int4" -> INTEGER;
            case "int8" -> BIGINT;
            case "decimal" -> NUMERIC;
            case "float4" -> REAL;
            case "float8" -> DOUBLE;
            case "character varying" -> VARCHAR;
            case "timestamptz", "timestamp with time zone" -> TIMESTAMPTZ;
            case "timestamp without time zone" -> TIMESTAMP;
            case "time without time zone" -> TIME;
            default -> withZone;
        };
    }

    /** As PostgreSQL reads it in DDL. */
    String sql() {
        return switch (name) {
            case NUMERIC -> size == 0 ? NUMERIC : NUMERIC + "(" + size + "," + scale + ")";
            case VARCHAR -> size == 0 ? VARCHAR : VARCHAR + "(" + size + ")";
            case TIMESTAMP, TIMESTAMPTZ, TIME -> name + "(" + size + ")";
            default -> size == 0 ? name : name + "(" + size + (scale == 0 ? "" : "," + scale) + ")";
        };
    }

    /** Decimal digits an integer type holds; 0 for other types. */
    int integerDigits() {
        return switch (name) {
            case SMALLINT -> 5;
            case INTEGER -> 10;
            case BIGINT -> 19;
            default -> 0;
        };
    }

    boolean isInteger() {
        return integerDigits() > 0;
    }

    /**
     * The narrowest type that holds every value of both types exactly and that PostgreSQL converts
     * either to without failing or losing digits: how far a warehouse column may be widened for a
     * source column that changed type. Empty where there is no such type (the change is not a
     * widening: {@code integer} and {@code varchar(10)}, {@code bigint} and {@code real}).
     */
    static Optional<ColumnType> union(ColumnType left, ColumnType right) {
        if (left.equals(right)) {
            return Optional.of(left);
        }
        if (left.name.equals(TEXT) || right.name.equals(TEXT)) {
            // Every type has a text form; the warehouse column converts with USING column::text.
            return Optional.of(new ColumnType(TEXT, 0, 0));
        }
        if (left.isInteger() && right.isInteger()) {
            return Optional.of(left.integerDigits() >= right.integerDigits() ? left : right);
        }
        if ((left.isInteger() || left.name.equals(NUMERIC)) && (right.isInteger() || right.name.equals(NUMERIC))) {
            return Optional.of(numericUnion(asNumeric(left), asNumeric(right)));
        }
        if (isFloat(left) && isFloat(right)) {
            return Optional.of(new ColumnType(DOUBLE, 0, 0));
        }
        if (left.name.equals(right.name)) {
            return switch (left.name) {
                // No size is no limit: it wins.
                case VARCHAR -> Optional.of(left.size == 0 || right.size == 0
                        ? new ColumnType(VARCHAR, 0, 0) : new ColumnType(VARCHAR, Math.max(left.size, right.size), 0));
                case TIMESTAMP, TIMESTAMPTZ, TIME -> Optional.of(new ColumnType(left.name, Math.max(left.size, right.size), 0));
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static boolean isFloat(ColumnType type) {
        return type.name.equals(REAL) || type.name.equals(DOUBLE);
    }

    /** An integer type as the numeric that holds exactly its values. */
    private static ColumnType asNumeric(ColumnType type) {
        return type.isInteger() ? new ColumnType(NUMERIC, type.integerDigits(), 0) : type;
    }

    /** Room for the integer digits of either and the fraction digits of either. */
    private static ColumnType numericUnion(ColumnType left, ColumnType right) {
        if (left.size == 0 || right.size == 0) {
            return new ColumnType(NUMERIC, 0, 0);
        }
        int scale = Math.max(left.scale, right.scale);
        int integerDigits = Math.max(left.size - left.scale, right.size - right.scale);
        int precision = integerDigits + scale;
        return precision > MAX_NUMERIC_PRECISION ? new ColumnType(NUMERIC, 0, 0) : new ColumnType(NUMERIC, precision, scale);
    }

    @Override
    public String toString() {
        return sql();
    }
}
