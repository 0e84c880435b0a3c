package dev.cdcpipeline.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * A sliding window of a feature view: at time T it holds the rows whose event time is in
 * {@code (T - length, T]}.
 *
 * @param label how the window is written in the YAML and in feature names: {@code 1h}, {@code 24h},
 *     {@code 7d}, {@code 30m}, {@code 90s}
 */
public record FeatureWindow(String label, Duration length) implements Serializable {

    public FeatureWindow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(length, "length");
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("a window must be longer than zero");
        }
    }

    /** Reads {@code <n>s}, {@code <n>m}, {@code <n>h} or {@code <n>d} with n &gt;= 1. */
    public static FeatureWindow parse(String text) {
        String label = text.strip();
        if (!label.matches("[1-9][0-9]{0,5}[smhd]")) {
            throw new IllegalArgumentException("not a window: " + text);
        }
        long amount = Long.parseLong(label.substring(0, label.length() - 1));
        Duration length = switch (label.charAt(label.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new FeatureWindow(label, length);
    }
}
