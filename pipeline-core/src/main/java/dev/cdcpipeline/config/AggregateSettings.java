package dev.cdcpipeline.config;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a feature view's {@code aggregates:} list. Each aggregate is computed over every
 * window of its view; the feature is named {@code <name>_<window>}, such as {@code spend_24h}.
 *
 * @param name {@code name}, required: a-z, 0-9 and '_', starting with a letter
 * @param function {@code function}, required (see {@link AggregateFunction})
 * @param column {@code column}: the column aggregated, required by every function but
 *     {@code count}; {@code null} when absent
 */
public record AggregateSettings(String name, AggregateFunction function, String column) implements Serializable {

    public AggregateSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
    }

    public Optional<String> columnName() {
        return Optional.ofNullable(column);
    }
}
