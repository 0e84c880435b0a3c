package dev.cdcpipeline.features;

import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.FeatureWindow;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A feature view resolved against the pipeline: its settings, the captured table it reads (with
 * the columns the transforms leave), and the names of its outputs.
 *
 * @param table the table's schema after its transforms: what the view's rows look like
 * @param topic the Kafka topic of its feature records, or {@code null} without a Kafka sink
 */
public record FeatureView(FeatureViewSettings settings, SourceTable table, String topic) implements Serializable {

    public String name() {
        return settings.name();
    }

    /** Every aggregate over every window, aggregates in the order written, then windows in the order written. */
    public List<FeatureColumn> featureColumns() {
        List<FeatureColumn> columns = new ArrayList<>();
        for (AggregateSettings aggregate : settings.aggregates()) {
            for (FeatureWindow window : settings.windows()) {
                columns.add(FeatureColumn.of(aggregate, window));
            }
        }
        return columns;
    }

    public SourceColumn entityColumn() {
        return column(settings.entityColumn());
    }

    /** A column of the view's table by name. */
    public SourceColumn column(String name) {
        return table.columns().stream().filter(column -> column.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("feature view " + name() + ": table " + table.id()
                        + " has no column '" + name + "'"));
    }
}
