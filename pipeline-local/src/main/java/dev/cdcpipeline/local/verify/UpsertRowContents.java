package dev.cdcpipeline.local.verify;

import dev.cdcpipeline.verify.CanonicalValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic that Flink's {@code upsert-kafka} connector writes with the {@code json} format
 * ({@link TopicFormat#UPSERT_ROWS}) read to its end: each record's value is its key's row, a
 * tombstone deletes it. Such a record carries no source position, so nothing tells a replayed
 * record from a new one: the latest record of a key wins, and no record breaks the format.
 */
final class UpsertRowContents implements TopicContents {

    /** Flink SQL has no JSON type: a JSON column travels as a string holding the JSON text. */
    private final Set<String> jsonColumns;
    private final Map<String, JsonNode> latestRowByKey = new HashMap<>();
    private long records;

    UpsertRowContents(Set<String> jsonColumns) {
        this.jsonColumns = jsonColumns;
    }

    @Override
    public void add(String key, JsonNode row) {
        records++;
        if (row == null) {
            latestRowByKey.remove(key);
        } else {
            latestRowByKey.put(key, withJsonColumnsParsed(row));
        }
    }

    private JsonNode withJsonColumnsParsed(JsonNode row) {
        ObjectNode parsed = row.deepCopy();
        for (String column : jsonColumns) {
            JsonNode text = row.get(column);
            if (text != null && text.isTextual()) {
                try {
                    parsed.set(column, CanonicalValues.JSON.readTree(text.asText()));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException("Column " + column + " does not hold JSON text", e);
                }
            }
        }
        return parsed;
    }

    @Override
    public Map<String, JsonNode> latestRowByKey() {
        return latestRowByKey;
    }

    @Override
    public List<Discrepancy> violations() {
        return List.of();
    }

    @Override
    public long records() {
        return records;
    }
}
