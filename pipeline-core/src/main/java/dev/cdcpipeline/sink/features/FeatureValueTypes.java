package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.features.FeatureColumn;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.ValueKind;
import dev.cdcpipeline.sink.warehouse.PostgresTypes;

/**
 * The PostgreSQL type of a feature's warehouse column: one that holds every value the aggregate
 * gives exactly.
 *
 * <ul>
 *   <li>{@code count}, {@code count-distinct}: {@code bigint};
 *   <li>{@code sum}: {@code bigint} over integers, {@code numeric} over decimals (unbounded: a sum
 *       outgrows its column's precision), {@code double precision} over floating point;
 *   <li>{@code avg}: {@code numeric} over integers and decimals, {@code double precision} over
 *       floating point;
 *   <li>{@code min}, {@code max}, {@code latest}: the aggregated column's own warehouse type.
 * </ul>
 */
public final class FeatureValueTypes {

    private FeatureValueTypes() {}

    /** @throws IllegalArgumentException if a sum or average is over a column that is not numeric */
    public static String of(FeatureView view, FeatureColumn feature) {
        AggregateSettings aggregate = feature.aggregate();
        return switch (aggregate.function()) {
            case COUNT, COUNT_DISTINCT -> "bigint";
            case SUM -> switch (numericKind(view, feature)) {
                case INTEGER -> "bigint";
                case DECIMAL -> "numeric";
                default -> "double precision";
            };
            case AVG -> numericKind(view, feature) == ValueKind.DOUBLE ? "double precision" : "numeric";
            case MIN, MAX, LATEST -> PostgresTypes.of(aggregated(view, feature));
        };
    }

    private static ValueKind numericKind(FeatureView view, FeatureColumn feature) {
        SourceColumn column = aggregated(view, feature);
        ValueKind kind = ValueKind.of(column);
        if (!kind.numeric()) {
            throw new IllegalArgumentException("Feature view " + view.name() + ": feature " + feature.name() + " is a "
                    + feature.aggregate().function().name().toLowerCase() + " over column " + column.name() + " of type "
                    + column.dataType() + ", which is not numeric");
        }
        return kind;
    }

    private static SourceColumn aggregated(FeatureView view, FeatureColumn feature) {
        String column = feature.aggregate().columnName().orElseThrow(() -> new IllegalArgumentException(
                "Feature view " + view.name() + ": feature " + feature.name() + " aggregates no column"));
        return view.column(column);
    }
}
