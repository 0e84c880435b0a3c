package dev.cdcpipeline.verify;

import dev.cdcpipeline.schema.SourceColumn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One canonical text per value, whichever side it comes from: a source or warehouse result set,
 * or a change record's JSON. Two sides agree on a value exactly when their texts are equal.
 * Timestamps are read as epoch seconds on both databases (see {@link #selectExpression}), so
 * no driver or session time zone takes part in the comparison.
 */
public final class CanonicalValues {

    public static final String NULL = "<null>";

    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Keep decimals as written: 19.9900 stays 19.9900 in parsed records.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private CanonicalValues() {}

    /**
     * How to select a column so that {@link #fromResultSet} can read it: timestamps as epoch
     * seconds, arrays (PostgreSQL) as JSON.
     */
    public static String selectExpression(String quotedColumn, SourceColumn column, boolean postgres) {
        if (column.array()) {
            return "array_to_json(" + quotedColumn + ")::text";
        }
        if (CanonicalKind.of(column) != CanonicalKind.TIMESTAMP) {
            return quotedColumn;
        }
        return postgres ? "EXTRACT(EPOCH FROM " + quotedColumn + ")" : "UNIX_TIMESTAMP(" + quotedColumn + ")";
    }

    /** Whether a column's canonical text is a number (integers and decimals), to write it as a JSON number. */
    public static boolean numeric(SourceColumn column) {
        return !column.array() && CanonicalKind.of(column) == CanonicalKind.NUMBER;
    }

    /** The canonical text of a result set's value, {@link #NULL} for SQL NULL. */
    public static String fromResultSet(ResultSet row, int index, SourceColumn column) throws SQLException {
        String value = fromResultSetOrNull(row, index, column);
        return value == null ? NULL : value;
    }

    /** As {@link #fromResultSet}, with Java's null for SQL NULL: no text value can be mistaken for it. */
    public static String fromResultSetOrNull(ResultSet row, int index, SourceColumn column) throws SQLException {
        if (row.getObject(index) == null) {
            return null;
        }
        if (column.array()) {
            try {
                return fromJson(JSON.readTree(row.getString(index)), column);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return switch (CanonicalKind.of(column)) {
            case NUMBER, TIMESTAMP -> number(row.getBigDecimal(index));
            case FLOATING -> Double.toString(row.getDouble(index));
            case BOOLEAN -> Boolean.toString(row.getBoolean(index));
            case JSON -> json(row.getString(index));
            case BYTES -> Base64.getEncoder().encodeToString(row.getBytes(index));
            case DATE -> row.getObject(index, LocalDate.class).toString();
            case DATE_TIME -> row.getObject(index, LocalDateTime.class).toString();
            case TIME -> row.getObject(index, LocalTime.class).toString();
            case TEXT -> row.getString(index);
        };
    }

    public static String fromJson(JsonNode value, SourceColumn column) {
        if (value == null || value.isNull()) {
            return NULL;
        }
        if (column.array()) {
            List<String> elements = new ArrayList<>();
            value.forEach(element -> elements.add(fromJson(element, CanonicalKind.of(column))));
            return elements.toString();
        }
        return fromJson(value, CanonicalKind.of(column));
    }

    private static String fromJson(JsonNode value, CanonicalKind kind) {
        if (value == null || value.isNull()) {
            return NULL;
        }
        return switch (kind) {
            case NUMBER -> number(value.decimalValue());
            case FLOATING -> Double.toString(value.asDouble());
            case BOOLEAN -> Boolean.toString(value.asBoolean());
            case JSON -> json(value.toString());
            case BYTES, TEXT -> value.asText();
            case DATE -> LocalDate.parse(value.asText()).toString();
            case DATE_TIME -> LocalDateTime.parse(value.asText()).toString();
            case TIME -> LocalTime.parse(value.asText()).toString();
            case TIMESTAMP -> number(epochSeconds(Instant.parse(value.asText())));
        };
    }

    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }

    private static String number(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    private static String json(String text) {
        try {
            Object parsed = JSON.readValue(text, Object.class);
            return JSON.writeValueAsString(parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }
}
