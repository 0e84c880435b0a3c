package dev.cdcpipeline.source.debezium;

import dev.cdcpipeline.change.JsonText;

import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Debezium's Kafka Connect values into the row values of {@link dev.cdcpipeline.change.RowValues}.
 *
 * <p>Debezium encodes temporal and exact types as plain numbers or strings plus a schema name
 * ("semantic type"); the name, not the physical type, says what a value means. The MySQL
 * connector runs with {@code time.precision.mode=adaptive_time_microseconds} (its default),
 * {@code decimal.handling.mode=precise} and {@code bigint.unsigned.handling.mode=precise}
 * (set by the source factories), which keep every value exact.
 */
final class DebeziumValueConverter {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private DebeziumValueConverter() {}

    /**
     * @param jsonColumns columns known to hold JSON although Debezium sees text (MariaDB's JSON
     *     is LONGTEXT with a check constraint)
     */
    static Map<String, Object> toRow(Struct struct, Set<String> jsonColumns) {
        if (struct == null) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field field : struct.schema().fields()) {
            Object value = toValueOf(field, struct.get(field));
            row.put(field.name(), value instanceof String text && jsonColumns.contains(field.name()) ? new JsonText(text) : value);
        }
        return Collections.unmodifiableMap(row);
    }

    /**
     * As {@link #toValue}, with any failure turned into an {@link UnsupportedColumnValueException}
     * that names the column and its type but not the value: the reason goes to the dead letters
     * and logs, where row values must not (a parse error's message quotes its input).
     */
    private static Object toValueOf(Field field, Object value) {
        try {
            return toValue(field, value);
        } catch (UnsupportedColumnValueException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UnsupportedColumnValueException("column '" + field.name() + "' has a value of type " + typeOf(field.schema())
                    + " that the pipeline cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    static Object toValue(Field field, Object value) {
        if (value == null) {
            return null;
        }
        Schema schema = field.schema();
        String semanticType = schema.name();
        if (semanticType != null) {
            switch (semanticType) {
                case Decimal.LOGICAL_NAME:
                    return (BigDecimal) value;
                case "io.debezium.time.Date":
                    return LocalDate.ofEpochDay(((Number) value).longValue());
                case "io.debezium.time.Timestamp":
                    return localDateTime(Math.floorDiv((long) value, 1000L), Math.floorMod((long) value, 1000L) * 1_000_000L);
                case "io.debezium.time.MicroTimestamp":
                    return localDateTime(Math.floorDiv((long) value, MICROS_PER_SECOND), Math.floorMod((long) value, MICROS_PER_SECOND) * 1000L);
                case "io.debezium.time.NanoTimestamp":
                    return localDateTime(Math.floorDiv((long) value, NANOS_PER_SECOND), Math.floorMod((long) value, NANOS_PER_SECOND));
                case "io.debezium.time.ZonedTimestamp":
                    // ISO-8601 with an offset; Debezium renders TIMESTAMP columns in UTC.
                    return ZonedTimestampText.toInstant((String) value);
                case "io.debezium.time.Time":
                    return timeOfDay(field, ((Number) value).longValue(), 1_000_000L);
                case "io.debezium.time.MicroTime":
                    return timeOfDay(field, ((Number) value).longValue(), 1000L);
                case "io.debezium.time.NanoTime":
                    return timeOfDay(field, ((Number) value).longValue(), 1L);
                case "io.debezium.time.Year":
                    return ((Number) value).longValue();
                case "io.debezium.data.Json":
                    return new JsonText((String) value);
                case "io.debezium.data.Enum":
                case "io.debezium.data.EnumSet":
                    return (String) value;
                case "io.debezium.data.Bits":
                    return bytes(value);
                case "io.debezium.data.VariableScaleDecimal":
                    // PostgreSQL numeric without precision: any number of digits, any scale.
                    Struct decimal = (Struct) value;
                    return new BigDecimal(new BigInteger(bytes(decimal.get("value"))), decimal.getInt32("scale"));
                case "io.debezium.data.Uuid":
                case "io.debezium.time.ZonedTime":
                    return (String) value;
                default:
                    // Unknown semantic type: fall through to the physical type, which is exact.
            }
        }
        switch (schema.type()) {
            case INT8:
            case INT16:
            case INT32:
            case INT64:
                return ((Number) value).longValue();
            case FLOAT32:
            case FLOAT64:
                return ((Number) value).doubleValue();
            case BOOLEAN:
                return (Boolean) value;
            case STRING:
                return (String) value;
            case BYTES:
                return bytes(value);
            case ARRAY:
                return arrayOf(field, (List<?>) value);
            default:
                throw new UnsupportedColumnValueException(
                        "column '" + field.name() + "' has a value of type " + typeOf(schema) + " that the pipeline cannot map");
        }
    }

    private static String typeOf(Schema schema) {
        return schema.type() + (schema.name() == null ? "" : " (" + schema.name() + ")");
    }

    /**
     * A time of day. MySQL's TIME is also a duration (-838:59:59 to 838:59:59) and PostgreSQL's
     * time reaches 24:00:00; the change model's time of day (and the warehouse's {@code time})
     * holds neither, so such a value cannot be carried and the change is set aside.
     */
    private static LocalTime timeOfDay(Field field, long units, long nanosPerUnit) {
        if (units < 0 || units >= NANOS_PER_DAY / nanosPerUnit) {
            throw new UnsupportedColumnValueException("column '" + field.name() + "' has a TIME value outside 00:00:00 to"
                    + " 23:59:59.999999 (a duration or 24:00:00), which the pipeline carries only as a time of day");
        }
        return LocalTime.ofNanoOfDay(units * nanosPerUnit);
    }

    /** A PostgreSQL array: its elements converted as a column of the element type would be. */
    private static List<Object> arrayOf(Field field, List<?> elements) {
        Field elementField = new Field(field.name(), 0, field.schema().valueSchema());
        List<Object> converted = new ArrayList<>(elements.size());
        for (Object element : elements) {
            converted.add(toValue(elementField, element));
        }
        return Collections.unmodifiableList(converted);
    }

    private static LocalDateTime localDateTime(long epochSecond, long nanoOfSecond) {
        // DATETIME has no zone: Debezium encodes its wall-clock reading as if it were UTC.
        return LocalDateTime.ofEpochSecond(epochSecond, (int) nanoOfSecond, ZoneOffset.UTC);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] array) {
            return array;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] array = new byte[buffer.remaining()];
        buffer.get(array);
        return array;
    }
}
