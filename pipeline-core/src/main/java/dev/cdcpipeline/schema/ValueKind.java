package dev.cdcpipeline.schema;

import dev.cdcpipeline.change.JsonText;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * The kinds of value a row holds, one per Java type of {@link dev.cdcpipeline.change.RowValues}.
 * Many source types share a kind: TINYINT to BIGINT, YEAR and INT UNSIGNED are all {@link #INTEGER};
 * BIGINT UNSIGNED does not fit a {@code long} and is {@link #DECIMAL}.
 */
public enum ValueKind {
    INTEGER(Long.class),
    DECIMAL(BigDecimal.class),
    DOUBLE(Double.class),
    BOOLEAN(Boolean.class),
    TEXT(String.class),
    JSON(JsonText.class),
    BYTES(byte[].class),
    DATE(LocalDate.class),
    TIME(LocalTime.class),
    /** A wall-clock date and time without a zone (MySQL DATETIME, PostgreSQL timestamp). */
    DATETIME(LocalDateTime.class),
    /** A point in time (MySQL TIMESTAMP, PostgreSQL timestamptz). */
    TIMESTAMP(Instant.class),
    /** A PostgreSQL array; its elements are of the kind of the column's data type. */
    ARRAY(List.class);

    /** Microseconds: what both MySQL and PostgreSQL keep at most, so no computed value loses digits. */
    private static final int MAX_FRACTIONAL_SECONDS = 6;

    private final Class<?> javaType;

    ValueKind(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java type a row holds for a value of this kind ({@link List} for arrays). */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * The kind of the values a column holds, as the Debezium value converter produces them.
     *
     * @throws IllegalArgumentException for a data type the pipeline does not carry
     */
    public static ValueKind of(SourceColumn column) {
        if (column.array()) {
            return ARRAY;
        }
        return switch (column.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "year" -> INTEGER;
            // 2^64 - 1 does not fit a long.
            case "bigint" -> column.unsigned() ? DECIMAL : INTEGER;
            case "decimal", "numeric" -> DECIMAL;
            case "float", "double", "real" -> DOUBLE;
            // Only PostgreSQL sources say boolean: MySQL's BOOLEAN is TINYINT(1), numbers 0 and 1.
            case "bool", "boolean" -> BOOLEAN;
            case "bit" -> column.precision() <= 1 ? BOOLEAN : BYTES;
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "uuid" -> TEXT;
            case "json" -> JSON;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> BYTES;
            case "date" -> DATE;
            case "time" -> TIME;
            case "datetime" -> DATETIME;
            case "timestamp" -> TIMESTAMP;
            default -> throw new IllegalArgumentException(
                    "No value kind for column " + column.name() + " of type " + column.dataType());
        };
    }

    /** Whether values of this kind are numbers: INTEGER, DECIMAL or DOUBLE. */
    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == DOUBLE;
    }

    /**
     * Whether values of this kind have an order, so that {@code <}, min and max apply: numbers,
     * text, booleans (false before true), dates and times. JSON, bytes and arrays do not.
     */
    public boolean comparable() {
        return switch (this) {
            case JSON, BYTES, ARRAY -> false;
            default -> true;
        };
    }

    /**
     * A column that holds values of this kind, for a value the pipeline computes rather than reads:
     * its data type is one the warehouse maps to a type that keeps every value exactly (DECIMAL with
     * precision 0 becomes PostgreSQL's unconstrained numeric; times keep microseconds).
     *
     * @throws IllegalArgumentException for {@link #ARRAY}: the element type of a computed array is
     *     unknown
     */
    public SourceColumn asColumn(String name, boolean nullable) {
        return switch (this) {
            case INTEGER -> column(name, "bigint", 0, nullable);
            case DECIMAL -> column(name, "decimal", 0, nullable);
            case DOUBLE -> column(name, "double", 0, nullable);
            case BOOLEAN -> column(name, "boolean", 0, nullable);
            case TEXT -> column(name, "text", 0, nullable);
            case JSON -> column(name, "json", 0, nullable);
            case BYTES -> column(name, "blob", 0, nullable);
            case DATE -> column(name, "date", 0, nullable);
            case TIME -> column(name, "time", MAX_FRACTIONAL_SECONDS, nullable);
            case DATETIME -> column(name, "datetime", MAX_FRACTIONAL_SECONDS, nullable);
            case TIMESTAMP -> column(name, "timestamp", MAX_FRACTIONAL_SECONDS, nullable);
            case ARRAY -> throw new IllegalArgumentException(
                    "Column " + name + " would hold an array; computed arrays are not supported");
        };
    }

    private static SourceColumn column(String name, String dataType, int fractionalSeconds, boolean nullable) {
        return new SourceColumn(name, dataType, false, 0, 0, 0, fractionalSeconds, nullable, false);
    }
}
