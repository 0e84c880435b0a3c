package dev.cdcpipeline.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code dedup:} section, optional: the deduplication of change events.
 *
 * @param stateTtl {@code state-ttl}, optional, default {@code 7d}: how long deduplication state is
 *     kept for a key after its last change, a duration {@code > 0}
 */
public record DedupSettings(Duration stateTtl) implements Serializable {

    public DedupSettings {
        Objects.requireNonNull(stateTtl, "stateTtl");
    }
}
