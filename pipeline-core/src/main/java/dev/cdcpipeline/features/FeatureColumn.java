package dev.cdcpipeline.features;

import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.FeatureWindow;

import java.io.Serializable;

/**
 * One output value of a feature view: an aggregate over one window, named
 * {@code <aggregate>_<window>} ({@code spend_24h}).
 */
public record FeatureColumn(String name, AggregateSettings aggregate, FeatureWindow window) implements Serializable {

    static FeatureColumn of(AggregateSettings aggregate, FeatureWindow window) {
        return new FeatureColumn(aggregate.name() + "_" + window.label(), aggregate, window);
    }
}
