package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The table the expression tests compile against, and shortcuts to compile and evaluate on it. */
final class TestExpressions {

    /**
     * Every column the tests read: at least one of each kind, a second TEXT and INTEGER for
     * expressions of two columns, and names that only work in quotes.
     */
    static final Map<String, ValueKind> COLUMNS = columns();

    private TestExpressions() {}

    private static Map<String, ValueKind> columns() {
        Map<String, ValueKind> columns = new LinkedHashMap<>();
        columns.put("id", ValueKind.INTEGER);
        columns.put("quantity", ValueKind.INTEGER);
        columns.put("amount", ValueKind.DECIMAL);
        columns.put("ratio", ValueKind.DOUBLE);
        columns.put("status", ValueKind.TEXT);
        columns.put("pattern", ValueKind.TEXT);
        columns.put("note", ValueKind.TEXT);
        columns.put("active", ValueKind.BOOLEAN);
        columns.put("payload", ValueKind.JSON);
        columns.put("picture", ValueKind.BYTES);
        columns.put("birthday", ValueKind.DATE);
        columns.put("opens", ValueKind.TIME);
        columns.put("created_at", ValueKind.DATETIME);
        columns.put("updated_at", ValueKind.TIMESTAMP);
        columns.put("tags", ValueKind.ARRAY);
        columns.put("Order Total", ValueKind.DECIMAL);
        columns.put("say \"hi\"", ValueKind.TEXT);
        columns.put("a`b", ValueKind.TEXT);
        columns.put("x'; DROP TABLE t; --", ValueKind.TEXT);
        return Collections.unmodifiableMap(columns);
    }

    static Expression compile(String text) {
        return Expression.compile(text, COLUMNS);
    }

    /** A row from column names and values in turn: {@code row("id", 1L, "status", "paid")}. */
    static Map<String, Object> row(Object... columnsAndValues) {
        // A HashMap, not Map.of, so that a test can give a column the value null.
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    /** Compiles {@code text} and evaluates it on {@link #row(Object...) row(columnsAndValues)}. */
    static Object evaluate(String text, Object... columnsAndValues) {
        return compile(text).evaluate(row(columnsAndValues));
    }
}
