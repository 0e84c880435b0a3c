package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** A change with its columns renamed or left out, for the warehouse only (the topics get the change as it came). */
final class RowRewrite {

    private RowRewrite() {}

    /**
     * The change with each column in {@code renamed} under its new name and the columns that
     * {@code dropped} accepts left out; the same change when neither applies to it.
     */
    static ChangeEvent rewrite(ChangeEvent change, Map<String, String> renamed, Predicate<String> dropped) {
        Map<String, Object> latest = change.latestRow();
        boolean applies = latest.keySet().stream().anyMatch(column -> renamed.containsKey(column) || dropped.test(column));
        if (!applies) {
            return change;
        }
        return new ChangeEvent(change.table(), change.operation(), rewrite(change.key(), renamed, dropped),
                rewrite(change.before(), renamed, dropped), rewrite(change.after(), renamed, dropped),
                change.position(), change.sourceTimestampMillis());
    }

    /** The change without the columns that are not in {@code kept}. */
    static ChangeEvent keepOnly(ChangeEvent change, Set<String> kept) {
        return rewrite(change, Map.of(), column -> !kept.contains(column));
    }

    private static Map<String, Object> rewrite(Map<String, Object> row, Map<String, String> renamed, Predicate<String> dropped) {
        if (row == null) {
            return null;
        }
        Map<String, Object> rewritten = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!dropped.test(column)) {
                rewritten.put(renamed.getOrDefault(column, column), value);
            }
        });
        return Collections.unmodifiableMap(rewritten);
    }
}
