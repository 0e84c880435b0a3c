package dev.cdcpipeline.local.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic of the pipeline's change records ({@link TopicFormat#CHANGE_RECORDS}) read to its end:
 * the latest row per key (absent once deleted), how many records it holds, and the records that
 * break exactly-once: the same change twice, or a change older than one already seen for its key.
 */
final class ChangeRecordContents implements TopicContents {

    private final Map<String, JsonNode> latestRowByKey = new HashMap<>();
    private final Map<String, String> lastPositionByKey = new HashMap<>();
    private final Set<String> seenChanges = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private long records;

    @Override
    public void add(String key, JsonNode change) {
        records++;
        if (change == null) {
            violations.add("key " + key + ": a tombstone, which the pipeline never writes");
            return;
        }
        String position = change.at("/source/position").asText();
        if (!seenChanges.add(key + "@" + position)) {
            violations.add("key " + key + ": the change at " + position + " appears twice");
            return;
        }
        String last = lastPositionByKey.get(key);
        if (last != null && position.compareTo(last) <= 0) {
            violations.add("key " + key + ": the change at " + position + " comes after the newer " + last);
            return;
        }
        lastPositionByKey.put(key, position);
        if ("d".equals(change.get("op").asText())) {
            latestRowByKey.remove(key);
        } else {
            latestRowByKey.put(key, change.get("after"));
        }
    }

    @Override
    public Map<String, JsonNode> latestRowByKey() {
        return latestRowByKey;
    }

    @Override
    public List<String> violations() {
        return violations;
    }

    @Override
    public long records() {
        return records;
    }
}
