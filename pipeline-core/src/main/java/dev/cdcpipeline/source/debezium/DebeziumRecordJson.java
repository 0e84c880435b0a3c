package dev.cdcpipeline.source.debezium;

import dev.cdcpipeline.sink.kafka.JsonBytes;

import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/**
 * A Debezium record as JSON text, for a dead letter of a record the pipeline could not read: its
 * values as Debezium encodes them (as Debezium's JSON converter writes them without schemas:
 * temporal values as numbers, binary as base64), so nothing depends on the conversion that failed.
 *
 * <pre>{@code
 * {"topic":"mysql_binlog_source","key":{"id":7},
 *  "value":{"before":null,"after":{"id":7,"span":360000000000},"source":{"file":"mysql-bin.000003","pos":1234,...},"op":"c","ts_ms":...},
 *  "offset":{"file":"mysql-bin.000003","pos":1234,"row":1,...}}
 * }</pre>
 *
 * The same record gives the same text (fields in schema order, no identity hashes), which the
 * warehouse dead-letter table relies on to store a dead letter produced again after a restart once.
 */
final class DebeziumRecordJson {

    private DebeziumRecordJson() {}

    static String of(SourceRecord record) {
        byte[] json = JsonBytes.write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("topic", record.topic());
            generator.writeFieldName("key");
            writeValue(generator, record.key());
            generator.writeFieldName("value");
            writeValue(generator, record.value());
            generator.writeFieldName("offset");
            writeValue(generator, record.sourceOffset());
            generator.writeEndObject();
        });
        return new String(json, StandardCharsets.UTF_8);
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Struct struct) {
            generator.writeStartObject();
            for (Field field : struct.schema().fields()) {
                generator.writeFieldName(field.name());
                writeValue(generator, struct.get(field));
            }
            generator.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof Collection<?> elements) {
            generator.writeStartArray();
            for (Object element : elements) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof byte[] bytes) {
            generator.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            generator.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (value instanceof BigInteger integer) {
            generator.writeNumber(integer);
        } else if (value instanceof Double || value instanceof Float) {
            generator.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Number number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Date date) {
            // Kafka Connect's own Date, Time and Timestamp types.
            generator.writeString(date.toInstant().toString());
        } else {
            generator.writeString(value.toString());
        }
    }
}
