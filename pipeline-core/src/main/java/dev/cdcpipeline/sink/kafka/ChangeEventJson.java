package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.JsonText;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a change record on Kafka, close to Debezium's envelope without its schema part:
 *
 * <pre>{@code
 * {"op":"u","source":{"connector":"mysql","name":"mysql","db":"shop","table":"orders",
 *   "position":"0000000003:00000000000000004711:0000000000","ts_ms":1732500000000},
 *  "key":{"id":42},"before":{...},"after":{...},"ts_ms":1732500000123}
 * }</pre>
 *
 * Values are plain JSON: decimals as exact numbers, dates and times as ISO-8601 text
 * (TIMESTAMP columns in UTC with a {@code Z}, DATETIME as wall-clock time without a zone), JSON
 * columns embedded as JSON, binary columns as base64, arrays as JSON arrays. The record key is the {@code key} object.
 */
public final class ChangeEventJson {

    private ChangeEventJson() {}

    /** @param connector {@code mysql} or {@code postgresql}; {@code null} leaves the field out */
    public static byte[] value(ChangeEvent change, String connector, long producedAtMillis) {
        return write(change, connector, producedAtMillis, true);
    }

    /**
     * The change's envelope with {@code before} and {@code after} left out (null) and
     * {@code "rows_omitted":true}: what a dead letter carries of a change too large to publish.
     */
    public static byte[] withoutRows(ChangeEvent change) {
        return write(change, null, change.sourceTimestampMillis(), false);
    }

    private static byte[] write(ChangeEvent change, String connector, long producedAtMillis, boolean withRows) {
        return JsonBytes.write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("op", change.operation().code());
            generator.writeObjectFieldStart("source");
            if (connector != null) {
                generator.writeStringField("connector", connector);
            }
            generator.writeStringField("name", change.table().source());
            generator.writeStringField("db", change.table().database());
            generator.writeStringField("table", change.table().table());
            generator.writeStringField("position", change.position().sortableText());
            generator.writeNumberField("ts_ms", change.sourceTimestampMillis());
            generator.writeEndObject();
            writeRowField(generator, "key", change.key());
            writeRowField(generator, "before", withRows ? change.before() : null);
            writeRowField(generator, "after", withRows ? change.after() : null);
            if (!withRows) {
                generator.writeBooleanField("rows_omitted", true);
            }
            generator.writeNumberField("ts_ms", producedAtMillis);
            generator.writeEndObject();
        });
    }

    public static byte[] key(ChangeEvent change) {
        return JsonBytes.write(generator -> writeRow(generator, change.key()));
    }

    private static void writeRowField(JsonGenerator generator, String name, Map<String, Object> row) throws IOException {
        generator.writeFieldName(name);
        if (row == null) {
            generator.writeNull();
        } else {
            writeRow(generator, row);
        }
    }

    private static void writeRow(JsonGenerator generator, Map<String, Object> row) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, Object> column : row.entrySet()) {
            generator.writeFieldName(column.getKey());
            writeValue(generator, column.getValue());
        }
        generator.writeEndObject();
    }

    /** Writes one row value in the form described on this class; feature records use the same forms. */
    public static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal decimal) {
            // Plain digits: 1E+3 is exact too, but many consumers parse it as a double.
            generator.writeNumber(decimal.toPlainString());
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof JsonText json) {
            generator.writeRawValue(json.json());
        } else if (value instanceof byte[] bytes) {
            generator.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        } else {
            // String, and java.time values whose toString() is ISO-8601.
            generator.writeString(value.toString());
        }
    }
}
