package dev.cdcpipeline.features;

import static dev.cdcpipeline.change.ChangeEvents.row;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.ChangeEvents;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Order rows and their changes at fixed times, for tests. Times are minutes from {@link #T0}
 * (2024-03-01 12:00 UTC): processing times with {@link #at}, created_at values with {@link #created}.
 */
final class Orders {

    static final long T0 = LocalDateTime.of(2024, 3, 1, 12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;

    /** The commit time the test changes carry; with an event-time column it does not matter. */
    static final long COMMITTED = T0;

    private Orders() {}

    /** Epoch milliseconds {@code minutes} after T0. */
    static long at(long minutes) {
        return T0 + minutes * MINUTE;
    }

    /** A created_at value {@code minutes} after T0 (UTC wall clock). */
    static LocalDateTime created(long minutes) {
        return LocalDateTime.ofEpochSecond(at(minutes) / 1000, 0, ZoneOffset.UTC);
    }

    static Map<String, Object> order(long id, String customer, String amount, long quantity, String status,
            String product, long createdMinutes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("customer", customer);
        row.put("amount", amount == null ? null : new BigDecimal(amount));
        row.put("quantity", quantity);
        row.put("ratio", 0.5d);
        row.put("status", status);
        row.put("product", product);
        row.put("created_at", created(createdMinutes));
        return row;
    }

    /** A copy of {@code row} with one column changed. */
    static Map<String, Object> with(Map<String, Object> row, String column, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(row);
        changed.put(column, value);
        return changed;
    }

    static ChangeEvent snapshotRead(Map<String, Object> row, long offset) {
        return new ChangeEvent(ChangeEvents.ORDERS, Operation.SNAPSHOT_READ, keyOf(row), null, row, position(offset), 0);
    }

    static ChangeEvent insert(Map<String, Object> row, long offset) {
        return new ChangeEvent(ChangeEvents.ORDERS, Operation.INSERT, keyOf(row), null, row, position(offset), COMMITTED);
    }

    static ChangeEvent update(Map<String, Object> before, Map<String, Object> after, long offset) {
        return new ChangeEvent(ChangeEvents.ORDERS, Operation.UPDATE, keyOf(after), before, after, position(offset), COMMITTED);
    }

    static ChangeEvent delete(Map<String, Object> row, long offset) {
        return new ChangeEvent(ChangeEvents.ORDERS, Operation.DELETE, keyOf(row), row, null, position(offset), COMMITTED);
    }

    static SourcePosition position(long offset) {
        return ChangeEvents.at(offset);
    }

    private static Map<String, Object> keyOf(Map<String, Object> row) {
        return row("id", row.get("id"));
    }
}
