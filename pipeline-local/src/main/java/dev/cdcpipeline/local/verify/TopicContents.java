package dev.cdcpipeline.local.verify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** A table's topic read to its end, record by record, in the format its writer uses ({@link TopicFormat}). */
interface TopicContents {

    /** The next record of the topic; a null value is a tombstone. */
    void add(String key, JsonNode value);

    /** The latest row per key, as JSON with one field per column; a deleted row is absent. */
    Map<String, JsonNode> latestRowByKey();

    /** Records that break what the format promises. */
    List<Discrepancy> violations();

    long records();
}
