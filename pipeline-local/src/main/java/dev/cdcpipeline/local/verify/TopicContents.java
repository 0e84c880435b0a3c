package dev.cdcpipeline.local.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change topic read to its end: the latest row per key (absent once deleted), how many records
 * it holds, and the records that break exactly-once: the same change twice, or a change older
 * than one already seen for its key.
 */
final class TopicContents {

    private final Map<String, JsonNode> latestRowByKey = new HashMap<>();
    private final Map<String, String> lastPositionByKey = new HashMap<>();
    private final Set<String> seenChanges = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private long records;

    void add(String key, JsonNode change) {
        records++;
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

    Map<String, JsonNode> latestRowByKey() {
        return latestRowByKey;
    }

    List<String> violations() {
        return violations;
    }

    long records() {
        return records;
    }
}
