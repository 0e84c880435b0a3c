package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.JsonText;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values the warehouse would reject, found before they are written: a rejected row would fail its
 * whole batch, and the job would restart on it forever. MySQL and MariaDB text may hold the NUL
 * character; PostgreSQL's text and jsonb cannot (error "invalid byte sequence for encoding UTF8: 0x00").
 */
final class WarehouseValues {

    private static final char NUL = '\u0000';
    /** How JSON writes NUL; jsonb refuses it ("unsupported Unicode escape sequence"). */
    private static final String JSON_NUL_ESCAPE = "\\u0000";

    private WarehouseValues() {}

    /** Why PostgreSQL would reject the row, naming the column but never quoting the value. */
    static Optional<String> problemOf(Map<String, Object> row) {
        for (Map.Entry<String, Object> column : row.entrySet()) {
            if (holdsNul(column.getValue())) {
                return Optional.of("column '" + column.getKey() + "' holds the NUL character (U+0000), which PostgreSQL"
                        + " text and jsonb cannot store; the warehouse row keeps its previous version");
            }
        }
        return Optional.empty();
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
