package dev.cdcpipeline.features;

import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.schema.ValueKind;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a feature view's values from an entity's rows: for each feature (an aggregate over a
 * window), the aggregate over the rows whose event time lies in {@code (validAt - window, validAt]}.
 *
 * <ul>
 *   <li>{@code count}: the number of rows; with a column, of rows where it is not null;
 *   <li>{@code sum}: exact for integers (failing rather than overflowing) and decimals, double for
 *       floating point; 0 of the column's kind (0, 0 as a decimal, 0.0) when there is no value;
 *   <li>{@code avg}: for integers and decimals a decimal, the exact sum divided by the count with
 *       the values' largest scale plus 4 digits, rounded half-even; for floating point a double;
 *       null when there is no value;
 *   <li>{@code min}, {@code max}: in natural order (decimals by value, text by UTF-16 code units,
 *       false before true, dates and times chronologically); null when there is no value;
 *   <li>{@code latest}: the value in the row with the greatest event time, then source position;
 *       null when no row is in the window;
 *   <li>{@code count-distinct}: the number of distinct non-null values (decimals by value).
 * </ul>
 *
 * Pure and independent of Flink, so the operator stays small and the rules are tested alone.
 */
public final class FeatureAggregator implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String view;
    private final List<FeatureColumn> features;
    /** The value kind of each feature's column; absent for a count of rows. */
    private final Map<String, ValueKind> columnKinds;

    private FeatureAggregator(String view, List<FeatureColumn> features, Map<String, ValueKind> columnKinds) {
        this.view = view;
        this.features = features;
        this.columnKinds = columnKinds;
    }

    /** @throws IllegalArgumentException if an aggregate does not fit its column's kind */
    public static FeatureAggregator of(FeatureView view) {
        Map<String, ValueKind> kinds = new LinkedHashMap<>();
        for (AggregateSettings aggregate : view.settings().aggregates()) {
            if (aggregate.column() != null) {
                ValueKind kind = ValueKind.of(view.column(aggregate.column()));
                requireFits(view, aggregate, kind);
                kinds.put(aggregate.column(), kind);
            }
        }
        return new FeatureAggregator(view.name(), List.copyOf(view.featureColumns()), kinds);
    }

    private static void requireFits(FeatureView view, AggregateSettings aggregate, ValueKind kind) {
        AggregateFunction function = aggregate.function();
        boolean fits = switch (function) {
            case SUM, AVG -> kind.numeric();
            case MIN, MAX -> kind.comparable();
            case COUNT, LATEST, COUNT_DISTINCT -> true;
        };
        if (!fits) {
            throw new IllegalArgumentException("feature view " + view.name() + ": aggregate " + aggregate.name() + " ("
                    + function.name().toLowerCase() + ") cannot take column '" + aggregate.column() + "' of kind " + kind);
        }
    }

    /** The features at {@code validAtMillis}, in the view's feature order; rows may be in any order. */
    public Map<String, Object> compute(Collection<TimedRow> rows, long validAtMillis) {
        List<TimedRow> oldestFirst = new ArrayList<>(rows);
        oldestFirst.sort(TimedRow.BY_TIME_THEN_POSITION);
        Map<String, Object> values = new LinkedHashMap<>();
        for (FeatureColumn feature : features) {
            long windowMillis = feature.window().length().toMillis();
            String column = feature.aggregate().column();
            List<Object> windowValues = new ArrayList<>();
            for (TimedRow row : oldestFirst) {
                if (row.inWindow(windowMillis, validAtMillis)) {
                    windowValues.add(column == null ? row.position() : row.values().get(column));
                }
            }
            try {
                values.put(feature.name(),
                        AggregateValues.apply(feature.aggregate().function(), columnKinds.get(column), windowValues));
            } catch (ArithmeticException e) {
                throw new ArithmeticException("feature view " + view + ", feature " + feature.name() + ": the sum of its integers overflows 64 bits");
            }
        }
        return Collections.unmodifiableMap(values);
    }
}
