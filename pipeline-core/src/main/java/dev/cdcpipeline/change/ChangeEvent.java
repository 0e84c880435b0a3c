package dev.cdcpipeline.change;

import dev.cdcpipeline.change.serialization.ChangeEventTypeInfoFactory;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One change of one row, normalised from whatever log it came from.
 *
 * <p>Rows are ordered maps from column name to a value of one of the kinds {@link RowValues}
 * lists; {@code before} is absent for snapshot reads and inserts, {@code after} for deletes.
 * {@code key} holds the primary key columns.
 *
 * @param position where the change sits in the source log, totally ordered per table
 * @param sourceTimestampMillis when the source committed the change, epoch milliseconds; 0 for
 *     snapshot reads, which are not changes the source committed at a known time
 */
@TypeInfo(ChangeEventTypeInfoFactory.class)
public record ChangeEvent(
        TableId table,
        Operation operation,
        Map<String, Object> key,
        Map<String, Object> before,
        Map<String, Object> after,
        SourcePosition position,
        long sourceTimestampMillis) {

    public ChangeEvent {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(position, "position");
        if (operation == Operation.DELETE ? before == null : after == null) {
            throw new IllegalArgumentException(
                    operation + " of " + table + " needs its " + (operation == Operation.DELETE ? "before" : "after") + " row");
        }
    }

    /** The row as it is after this change; for a delete, the row as it was. */
    public Map<String, Object> latestRow() {
        return after != null ? after : before;
    }

    /** An update that changed no column, which binlog row images can carry. */
    public boolean isNoOpUpdate() {
        return operation == Operation.UPDATE && RowValues.sameRow(before, after);
    }

    /**
     * The key that routes every change of one row to the same operator instance: the table and the
     * primary key values. Stable across JVMs (no identity hash codes), so state restores keyed.
     */
    public String partitionKey() {
        StringJoiner joined = new StringJoiner("\u0001", table + "\u0000", "");
        for (Object value : key.values()) {
            joined.add(RowValues.toKeyText(value));
        }
        return joined.toString();
    }
}
