package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.JsonText;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/** Binds row values (see {@link dev.cdcpipeline.change.RowValues}) to the warehouse's statement parameters. */
public final class JdbcValues {

    private JdbcValues() {}

    /**
     * Binds a row value of any kind; the statement wraps each parameter in a CAST to its column's
     * type, which converts it exactly (an untyped null takes the column's type the same way).
     */
    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            // Untyped null: the CAST around each parameter gives it the column's type.
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else if (value instanceof JsonText json) {
            statement.setString(index, json.json());
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof List<?> list) {
            // As text elements: the CAST to the column's array type converts each one exactly.
            statement.setArray(index, statement.getConnection().createArrayOf("text", arrayElementsAsText(list)));
        } else {
            // LocalDate, LocalTime, LocalDateTime: JDBC 4.2 maps them to date, time, timestamp.
            statement.setObject(index, value);
        }
    }

    private static String[] arrayElementsAsText(List<?> list) {
        String[] texts = new String[list.size()];
        for (int i = 0; i < texts.length; i++) {
            Object element = list.get(i);
            texts[i] = element == null ? null
                    : element instanceof BigDecimal decimal ? decimal.toPlainString()
                    : element instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString()
                    : element instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes)
                    : element.toString();
        }
        return texts;
    }
}
