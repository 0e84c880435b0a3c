package dev.cdcpipeline.job;

import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.PipelineConfigException;
import dev.cdcpipeline.features.FeatureColumn;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.schema.ValueKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the definition's feature views against the tables as the transforms leave them, before
 * the job starts: each view must name exactly one captured table and columns of the right kinds.
 */
final class FeatureViewResolution {

    /** Fields of every feature record besides the entity and the features. */
    static final Set<String> RECORD_FIELDS = Set.of("valid_at", "computed_at", "feature_view", "last");

    private static final Set<ValueKind> EVENT_TIME_KINDS = EnumSet.of(ValueKind.DATE, ValueKind.DATETIME, ValueKind.TIMESTAMP);
    private static final Set<ValueKind> NOT_ENTITY_KINDS = EnumSet.of(ValueKind.JSON, ValueKind.BYTES, ValueKind.ARRAY, ValueKind.DOUBLE);

    private final List<String> problems = new ArrayList<>();

    private FeatureViewResolution() {}

    /** @param topicTemplate the topic of a view, {@code {view}} replaced by its name; {@code null} without Kafka */
    static List<FeatureView> resolve(List<FeatureViewSettings> views, List<SourceTable> tables, String topicTemplate) {
        FeatureViewResolution resolution = new FeatureViewResolution();
        List<FeatureView> resolved = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            String topic = topicTemplate == null ? null : topicTemplate.replace("{view}", views.get(i).name());
            resolution.resolve("features[" + i + "]", views.get(i), tables, topic).ifPresent(resolved::add);
        }
        if (!resolution.problems.isEmpty()) {
            throw new PipelineConfigException(null, resolution.problems);
        }
        return resolved;
    }

    private Optional<FeatureView> resolve(String where, FeatureViewSettings view, List<SourceTable> tables, String topic) {
        List<SourceTable> matching = tables.stream()
                .filter(table -> view.source() == null || view.source().equals(table.id().source()))
                .filter(table -> view.sourceTable().matches(table.id().database(), table.id().table()))
                .toList();
        if (matching.size() != 1) {
            problems.add(where + ".source-table: expected exactly one captured table, '" + view.sourceTable() + "' matches "
                    + (matching.isEmpty() ? "none of " + tables.stream().map(SourceTable::id).toList()
                            : matching.stream().map(SourceTable::id).toList() + " (add source: or name one table)"));
            return Optional.empty();
        }
        SourceTable table = matching.get(0);
        int before = problems.size();
        String context = where + " (" + view.name() + " on " + table.id() + ")";
        column(context, "entity", view.entityColumn(), table).ifPresent(column -> {
            if (NOT_ENTITY_KINDS.contains(kind(column))) {
                problems.add(context + " entity: column '" + column.name() + "' is " + kind(column)
                        + "; an entity key must be an integer, decimal, text, boolean or date/time column");
            }
        });
        view.eventTime().flatMap(name -> column(context, "event-time", name, table)).ifPresent(column -> {
            if (!EVENT_TIME_KINDS.contains(kind(column))) {
                problems.add(context + " event-time: column '" + column.name() + "' is " + kind(column)
                        + "; expected DATE, DATETIME or TIMESTAMP");
            }
        });
        for (AggregateSettings aggregate : view.aggregates()) {
            aggregate.columnName().flatMap(name -> column(context, "aggregates." + aggregate.name() + ".column", name, table))
                    .ifPresent(column -> checkAggregatedKind(context, aggregate, column));
        }
        FeatureView resolved = new FeatureView(view, table, topic);
        Set<String> names = new HashSet<>(RECORD_FIELDS);
        names.add(view.entityColumn());
        for (FeatureColumn feature : resolved.featureColumns()) {
            if (!names.add(feature.name())) {
                problems.add(context + " aggregates." + feature.aggregate().name() + ": the feature name '" + feature.name()
                        + "' is already taken (by the entity column, another feature, or one of " + RECORD_FIELDS + ")");
            }
        }
        return problems.size() == before ? Optional.of(resolved) : Optional.empty();
    }

    private void checkAggregatedKind(String context, AggregateSettings aggregate, SourceColumn column) {
        ValueKind kind = kind(column);
        AggregateFunction function = aggregate.function();
        if (function.needsNumericColumn() && !kind.numeric()) {
            problems.add(context + " aggregates." + aggregate.name() + ": " + function.name().toLowerCase()
                    + " needs a numeric column, '" + column.name() + "' is " + kind);
        } else if ((function == AggregateFunction.MIN || function == AggregateFunction.MAX) && !kind.comparable()) {
            problems.add(context + " aggregates." + aggregate.name() + ": " + function.name().toLowerCase()
                    + " needs a column whose values are ordered, '" + column.name() + "' is " + kind);
        }
    }

    private Optional<SourceColumn> column(String context, String key, String name, SourceTable table) {
        Optional<SourceColumn> column = table.columns().stream().filter(candidate -> candidate.name().equals(name)).findFirst();
        if (column.isEmpty()) {
            problems.add(context + " " + key + ": no column '" + name + "'; the columns are "
                    + table.columns().stream().map(SourceColumn::name).toList());
        }
        return column;
    }

    private static ValueKind kind(SourceColumn column) {
        return column.array() ? ValueKind.ARRAY : ValueKind.of(column);
    }
}
