package dev.cdcpipeline.change;

import java.io.Serializable;
import java.util.Objects;

/**
 * The text of a JSON column. Kept apart from plain strings so that the Kafka output can embed it
 * as JSON (not as a quoted string) and the warehouse can store it as {@code jsonb}.
 */
public record JsonText(String json) implements Serializable {

    public JsonText {
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return json;
    }
}
