package dev.cdcpipeline.change.serialization;

import dev.cdcpipeline.change.JsonText;

import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One tagged binary encoding per kind of row value (see {@link dev.cdcpipeline.change.RowValues}). */
public final class RowValueCodec {

    // Tags are part of the serialized format: append new ones, never renumber.
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte STRING = 4;
    private static final byte DECIMAL = 5;
    private static final byte BYTES = 6;
    private static final byte JSON = 7;
    private static final byte DATE = 8;
    private static final byte TIME = 9;
    private static final byte LOCAL_DATE_TIME = 10;
    private static final byte INSTANT = 11;
    private static final byte LIST = 12;

    private RowValueCodec() {}

    public static void write(Object value, DataOutputView out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof String text) {
            out.writeByte(STRING);
            StringValue.writeString(text, out);
        } else if (value instanceof BigDecimal decimal) {
            out.writeByte(DECIMAL);
            out.writeInt(decimal.scale());
            writeBytes(decimal.unscaledValue().toByteArray(), out);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            writeBytes(bytes, out);
        } else if (value instanceof JsonText json) {
            out.writeByte(JSON);
            StringValue.writeString(json.json(), out);
        } else if (value instanceof LocalDate date) {
            out.writeByte(DATE);
            out.writeLong(date.toEpochDay());
        } else if (value instanceof LocalTime time) {
            out.writeByte(TIME);
            out.writeLong(time.toNanoOfDay());
        } else if (value instanceof LocalDateTime dateTime) {
            out.writeByte(LOCAL_DATE_TIME);
            out.writeLong(dateTime.toEpochSecond(ZoneOffset.UTC));
            out.writeInt(dateTime.getNano());
        } else if (value instanceof Instant instant) {
            out.writeByte(INSTANT);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                write(element, out);
            }
        } else {
            throw new IOException("A row value of type " + value.getClass().getName() + " cannot be serialized");
        }
    }

    public static Object read(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case NULL -> null;
            case LONG -> in.readLong();
            case STRING -> StringValue.readString(in);
            case DECIMAL -> {
                int scale = in.readInt();
                yield new BigDecimal(new BigInteger(readBytes(in)), scale);
            }
            case DOUBLE -> in.readDouble();
            case BOOLEAN -> in.readBoolean();
            case BYTES -> readBytes(in);
            case JSON -> new JsonText(StringValue.readString(in));
            case DATE -> LocalDate.ofEpochDay(in.readLong());
            case TIME -> LocalTime.ofNanoOfDay(in.readLong());
            case LOCAL_DATE_TIME -> LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
            case INSTANT -> Instant.ofEpochSecond(in.readLong(), in.readInt());
            case LIST -> readList(in);
            default -> throw new IOException("Unknown row value tag " + tag);
        };
    }

    private static List<Object> readList(DataInputView in) throws IOException {
        int size = in.readInt();
        List<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(read(in));
        }
        return Collections.unmodifiableList(list);
    }

    private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
