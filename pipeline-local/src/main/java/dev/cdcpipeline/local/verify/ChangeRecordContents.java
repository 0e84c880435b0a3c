package dev.cdcpipeline.local.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic of the pipeline's change records ({@link TopicFormat#CHANGE_RECORDS}) read to its end:
 * the latest row per key (absent once deleted), how many records it holds, and the records that
 * break exactly-once: the same change twice, a change older than one already seen for its key, or
 * a gap in a key's history. With full row images every update and delete carries the row as it
 * was, which must be the row the key's previous record left: if it is not, a change in between is
 * missing. (A no-op update the pipeline drops leaves the row as it was, so it leaves no gap.)
 */
final class ChangeRecordContents implements TopicContents {

    private final Map<String, JsonNode> latestRowByKey = new HashMap<>();
    private final Map<String, String> lastPositionByKey = new HashMap<>();
    private final Set<String> seenChanges = new HashSet<>();
    private final List<Discrepancy> violations = new ArrayList<>();
    private long records;

    @Override
    public void add(String key, JsonNode change) {
        records++;
        if (change == null) {
            violations.add(Discrepancy.mismatched("key " + key + ": a tombstone, which the pipeline never writes"));
            return;
        }
        String position = change.at("/source/position").asText();
        if (!seenChanges.add(key + "@" + position)) {
            violations.add(Discrepancy.duplicated("key " + key + ": the change at " + position + " appears twice"));
            return;
        }
        String last = lastPositionByKey.get(key);
        if (last != null && position.compareTo(last) <= 0) {
            violations.add(Discrepancy.mismatched("key " + key + ": the change at " + position + " comes after the newer " + last));
            return;
        }
        lastPositionByKey.put(key, position);
        checkContinuity(key, position, change, last != null);
        if ("d".equals(change.get("op").asText())) {
            latestRowByKey.remove(key);
        } else {
            latestRowByKey.put(key, change.get("after"));
        }
    }

    /**
     * An update or delete must start from the row the key's previous record left. Checked for the
     * binlog, whose row images are full; a PostgreSQL before image is full only with
     * {@code REPLICA IDENTITY FULL} and lacks unchanged TOASTed values even then.
     */
    private void checkContinuity(String key, String position, JsonNode change, boolean seenBefore) {
        if (!"mysql".equals(change.at("/source/connector").asText())) {
            return;
        }
        String operation = change.get("op").asText();
        if (operation.equals("c") || operation.equals("r")) {
            JsonNode previous = latestRowByKey.get(key);
            if (previous != null) {
                violations.add(Discrepancy.lost("key " + key + ": the insert at " + position
                        + " follows a live row: the delete in between is missing"));
            }
            return;
        }
        JsonNode previous = latestRowByKey.get(key);
        if (previous == null) {
            // A key seen before without a live row was deleted. (The first record of a key can be an
            // update only if the topic starts after the snapshot.)
            if (seenBefore) {
                violations.add(Discrepancy.lost("key " + key + ": the " + operation + " at " + position
                        + " follows a delete: the insert in between is missing"));
            }
            return;
        }
        if (!sameOnCommonColumns(previous, change.get("before"))) {
            violations.add(Discrepancy.lost("key " + key + ": the " + operation + " at " + position
                    + " starts from another row than the previous record left: a change in between is missing"));
        }
    }

    @Override
    public Map<String, JsonNode> latestRowByKey() {
        return latestRowByKey;
    }

    @Override
    public List<Discrepancy> violations() {
        return violations;
    }

    @Override
    public long records() {
        return records;
    }

    /**
     * Equal on the columns both rows have: a schema change between two records (a column added,
     * dropped or renamed at the source) changes the row images without a change in the log.
     */
    private static boolean sameOnCommonColumns(JsonNode previous, JsonNode before) {
        if (previous == null || before == null || !previous.isObject() || !before.isObject()) {
            return previous != null && previous.equals(before);
        }
        Iterator<String> columns = previous.fieldNames();
        while (columns.hasNext()) {
            String column = columns.next();
            if (before.has(column) && !previous.get(column).equals(before.get(column))) {
                return false;
            }
        }
        return true;
    }
}
