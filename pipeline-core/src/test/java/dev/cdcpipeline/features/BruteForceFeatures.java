package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The test's own answer to "what are the features of customer c at time T": it keeps the order
 * table as the source has it (the changes the view accepted, applied to rows by id) and, for a
 * record, recomputes every feature of {@link OrderViews#ALL_FUNCTIONS} with plain loops over the
 * rows in each window. Independent of the production aggregation on purpose.
 */
final class BruteForceFeatures {

    private static final long HOUR = 3_600_000L;

    /** Current source rows by order id, with the offset of their last change. */
    private final Map<Long, Map<String, Object>> rows = new HashMap<>();
    private final Map<Long, Long> offsets = new HashMap<>();

    void apply(ChangeEvent change) {
        long id = (Long) change.key().get("id");
        if (change.operation() == Operation.DELETE) {
            rows.remove(id);
            offsets.remove(id);
        } else {
            rows.put(id, change.after());
            offsets.put(id, change.position().offset());
        }
    }

    /** The record the view should emit for {@code customer}, valid at {@code validAt}. */
    FeatureRecord expected(String customer, long validAt, long computedAt) {
        Map<String, Object> features = new LinkedHashMap<>();
        // Feature order: aggregates as written, each over 1h then 24h.
        Map<String, Map<String, Object>> byWindow = new LinkedHashMap<>();
        byWindow.put("1h", windowFeatures(customer, validAt, HOUR));
        byWindow.put("24h", windowFeatures(customer, validAt, 24 * HOUR));
        for (String aggregate : byWindow.get("1h").keySet()) {
            for (Map.Entry<String, Map<String, Object>> window : byWindow.entrySet()) {
                features.put(aggregate + "_" + window.getKey(), window.getValue().get(aggregate));
            }
        }
        boolean anyRowLeft = false;
        for (Map<String, Object> row : rows.values()) {
            if (row.get("customer").equals(customer) && eventTime(row) > validAt - 24 * HOUR) {
                anyRowLeft = true;
            }
        }
        return new FeatureRecord(OrderViews.VIEW, customer, features, validAt, computedAt, !anyRowLeft);
    }

    private Map<String, Object> windowFeatures(String customer, long validAt, long window) {
        long orders = 0;
        long priced = 0;
        BigDecimal spend = BigDecimal.ZERO;
        int amountScale = 0;
        long items = 0;
        long itemRows = 0;
        BigDecimal smallest = null;
        BigDecimal largest = null;
        String status = null;
        long latestTime = Long.MIN_VALUE;
        long latestOffset = Long.MIN_VALUE;
        Set<String> products = new HashSet<>();
        for (Map.Entry<Long, Map<String, Object>> entry : rows.entrySet()) {
            Map<String, Object> row = entry.getValue();
            long time = eventTime(row);
            if (!row.get("customer").equals(customer) || time <= validAt - window || time > validAt) {
                continue;
            }
            orders++;
            BigDecimal amount = (BigDecimal) row.get("amount");
            if (amount != null) {
                priced++;
                spend = spend.add(amount);
                amountScale = Math.max(amountScale, amount.scale());
                smallest = smallest == null || amount.compareTo(smallest) < 0 ? amount : smallest;
                largest = largest == null || amount.compareTo(largest) > 0 ? amount : largest;
            }
            if (row.get("quantity") != null) {
                items += (Long) row.get("quantity");
                itemRows++;
            }
            long offset = offsets.get(entry.getKey());
            if (time > latestTime || (time == latestTime && offset > latestOffset)) {
                latestTime = time;
                latestOffset = offset;
                status = (String) row.get("status");
            }
            if (row.get("product") != null) {
                products.add((String) row.get("product"));
            }
        }
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("orders", orders);
        features.put("priced", priced);
        features.put("spend", spend);
        features.put("avg_amount", priced == 0 ? null
                : spend.divide(BigDecimal.valueOf(priced), amountScale + 4, RoundingMode.HALF_EVEN));
        features.put("items", items);
        features.put("avg_items", itemRows == 0 ? null
                : BigDecimal.valueOf(items).divide(BigDecimal.valueOf(itemRows), 4, RoundingMode.HALF_EVEN));
        features.put("smallest", smallest);
        features.put("largest", largest);
        features.put("status", status);
        features.put("products", (long) products.size());
        return features;
    }

    private static long eventTime(Map<String, Object> row) {
        return ((LocalDateTime) Objects.requireNonNull(row.get("created_at"))).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
