package dev.cdcpipeline.deadletter;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.sink.kafka.ChangeEventJson;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An input the pipeline could not process, set aside with why: it goes to the dead-letter output
 * instead of failing the job or being dropped.
 *
 * @param stage where it failed: {@code transform}, {@code features:<view>}, ...
 * @param reason what went wrong, for a person to read
 * @param table the captured table the event belongs to, as {@code source:database.table}
 * @param event the original change as JSON, in the format of the change topics
 * @param failedAtMillis when, epoch milliseconds
 */
public record DeadLetter(String stage, String reason, String table, String event, long failedAtMillis) {

    public DeadLetter {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(event, "event");
    }

    /**
     * A change set aside at {@code stage}, with the change in the change topics' JSON. The JSON's
     * {@code ts_ms} is the source commit time, so a change set aside again after a restart has
     * the same event text (the warehouse dead-letter table relies on it to store it once).
     */
    public static DeadLetter of(String stage, String reason, ChangeEvent change, long failedAtMillis) {
        String event = new String(ChangeEventJson.value(change, null, change.sourceTimestampMillis()), StandardCharsets.UTF_8);
        return new DeadLetter(stage, reason, change.table().toString(), event, failedAtMillis);
    }
}
