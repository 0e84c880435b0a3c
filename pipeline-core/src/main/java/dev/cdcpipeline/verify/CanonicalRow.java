package dev.cdcpipeline.verify;

import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A table's row as texts both sides agree on: the primary key as JSON in key order
 * ({@code {"id":42}}, also what the output shows), and the canonical values of all columns in
 * table order, each length-prefixed so that no two rows share a text and NULL is not a value's text.
 */
public final class CanonicalRow {

    private static final ObjectMapper KEY_JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final List<SourceColumn> columns;
    private final int[] keyColumns;

    public CanonicalRow(SourceTable table) {
        this.columns = table.columns();
        this.keyColumns = table.primaryKey().stream().mapToInt(name -> indexOf(table, name)).toArray();
    }

    /** The primary key as JSON: numbers as JSON numbers, every other value as its canonical text. */
    public String keyText(String[] values) {
        ObjectNode key = KEY_JSON.createObjectNode();
        for (int index : keyColumns) {
            SourceColumn column = columns.get(index);
            String value = values[index];
            if (value == null) {
                key.putNull(column.name());
            } else if (CanonicalValues.numeric(column)) {
                key.put(column.name(), new BigDecimal(value));
            } else {
                key.put(column.name(), value);
            }
        }
        try {
            return KEY_JSON.writeValueAsString(key);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All values in table order; {@code null} for SQL NULL. */
    public static String rowText(String[] values) {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (value == null) {
                text.append("-;");
            } else {
                text.append(value.length()).append(':').append(value).append(';');
            }
        }
        return text.toString();
    }

    private static int indexOf(SourceTable table, String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column " + column + " in " + table.id());
    }
}
