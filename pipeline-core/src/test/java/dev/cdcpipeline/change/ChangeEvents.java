package dev.cdcpipeline.change;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small builders of change events with fixed positions and timestamps, for tests. */
public final class ChangeEvents {

    public static final TableId ORDERS = new TableId("mysql", "shop", "orders");

    private ChangeEvents() {}

    public static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(row);
    }

    public static SourcePosition at(long offset) {
        return new SourcePosition(1, offset, 0);
    }

    public static ChangeEvent insert(long id, long amount, long offset) {
        return new ChangeEvent(ORDERS, Operation.INSERT, row("id", id), null, row("id", id, "amount", amount), at(offset), 1_700_000_000_000L);
    }

    public static ChangeEvent update(long id, long oldAmount, long newAmount, long offset) {
        return new ChangeEvent(ORDERS, Operation.UPDATE, row("id", id),
                row("id", id, "amount", oldAmount), row("id", id, "amount", newAmount), at(offset), 1_700_000_000_000L);
    }

    public static ChangeEvent delete(long id, long amount, long offset) {
        return new ChangeEvent(ORDERS, Operation.DELETE, row("id", id), row("id", id, "amount", amount), null, at(offset), 1_700_000_000_000L);
    }
}
