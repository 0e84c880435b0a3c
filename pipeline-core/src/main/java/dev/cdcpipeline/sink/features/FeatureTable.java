package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.features.FeatureColumn;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.sink.warehouse.PostgresTypes;
import dev.cdcpipeline.sink.warehouse.SqlIdentifiers;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A warehouse table of one feature view. Both kinds have the entity column (typed as the source
 * column), one column per feature, {@code valid_at}, {@code computed_at} and {@code last}.
 *
 * <ul>
 *   <li>{@link Kind#LATEST}, {@code <view>_latest}: one row per entity, its record with the greatest
 *       {@code valid_at}. A record older than the row (a replay, a batch that overtook another)
 *       leaves it as it is; on equal {@code valid_at} the later {@code computed_at} wins. An entity
 *       whose last record came ({@code last = true}) keeps its row.
 *   <li>{@link Kind#HISTORY}, {@code <view>_history}: one row per entity and {@code valid_at}, never
 *       deleted; a record for an instant already there replaces it unless it was computed earlier.
 *       The key serves point-in-time joins (Feast's offline retrieval).
 * </ul>
 *
 * @param view the feature view's name
 * @param entity the entity column, the (first) key column
 * @param features the feature columns, in the view's order
 */
public record FeatureTable(String view, Kind kind, String schema, String name, Column entity, List<Column> features)
        implements Serializable {

    public static final String VALID_AT = FeatureRecordJson.VALID_AT;
    public static final String COMPUTED_AT = FeatureRecordJson.COMPUTED_AT;
    public static final String LAST = FeatureRecordJson.LAST;

    /** PostgreSQL's NAMEDATALEN - 1: it cuts longer identifiers short without an error. */
    private static final int MAX_IDENTIFIER_BYTES = 63;

    public enum Kind {
        LATEST("latest"),
        HISTORY("history");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }

        /** The table name's suffix, and the end of the sink's uid. */
        public String suffix() {
            return suffix;
        }
    }

    /** A data column and its PostgreSQL type. */
    public record Column(String name, String sqlType) implements Serializable {

        String quotedName() {
            return SqlIdentifiers.quote(name);
        }
    }

    public FeatureTable {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entity, "entity");
        features = List.copyOf(features);
        Stream.concat(Stream.of(schema, name, entity.name()), features.stream().map(Column::name)).forEach(identifier -> {
            if (identifier.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
                throw new IllegalArgumentException("Feature view " + view + ": the warehouse name '" + identifier
                        + "' is longer than PostgreSQL's " + MAX_IDENTIFIER_BYTES + " bytes");
            }
        });
    }

    /** The view's two tables, {@code <view>_latest} and {@code <view>_history}, in {@code schema}. */
    public static List<FeatureTable> of(FeatureView view, String schema) {
        return List.of(of(view, schema, Kind.LATEST), of(view, schema, Kind.HISTORY));
    }

    public static FeatureTable of(FeatureView view, String schema, Kind kind) {
        // Checks that no feature or the entity takes the name of a metadata column.
        FeatureRecordLayout.of(view);
        Column entity = new Column(view.entityColumn().name(), PostgresTypes.of(view.entityColumn()));
        List<Column> features = new ArrayList<>();
        for (FeatureColumn feature : view.featureColumns()) {
            features.add(new Column(feature.name(), FeatureValueTypes.of(view, feature)));
        }
        return new FeatureTable(view.name(), kind, schema, view.name() + "_" + kind.suffix(), entity, features);
    }

    public String qualifiedName() {
        return SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(name);
    }

    String createStatement() {
        String featureColumns = features.stream().map(column -> ",\n  " + column.quotedName() + " " + column.sqlType())
                .collect(Collectors.joining());
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (\n  "
                + entity.quotedName() + " " + entity.sqlType() + " NOT NULL"
                + featureColumns + ",\n  "
                + quote(VALID_AT) + " timestamptz NOT NULL,\n  "
                + quote(COMPUTED_AT) + " timestamptz NOT NULL,\n  "
                + quote(LAST) + " boolean NOT NULL,\n  "
                + "PRIMARY KEY (" + String.join(", ", keyColumns()) + ")\n)";
    }

    /**
     * Statements that add feature columns the table lacks: a view that gained an aggregate or a
     * window keeps its table, whose older rows hold null for the new features.
     */
    List<String> addMissingFeatureColumnStatements() {
        return features.stream()
                .map(column -> "ALTER TABLE " + qualifiedName() + " ADD COLUMN IF NOT EXISTS " + column.quotedName() + " "
                        + column.sqlType())
                .toList();
    }

    /**
     * One statement per record: an insert that updates the row already there only when the record
     * is not older (see the kinds). Parameters: the entity, the features, valid_at, computed_at, last.
     */
    String upsertStatement() {
        List<String> columns = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        columns.add(entity.quotedName());
        parameters.add(parameter(entity.sqlType()));
        for (Column feature : features) {
            columns.add(feature.quotedName());
            parameters.add(parameter(feature.sqlType()));
        }
        columns.addAll(List.of(quote(VALID_AT), quote(COMPUTED_AT), quote(LAST)));
        parameters.addAll(List.of(parameter("timestamptz"), parameter("timestamptz"), parameter("boolean")));
        List<String> keys = keyColumns();
        String updates = columns.stream().filter(column -> !keys.contains(column))
                .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        String validAt = quote(VALID_AT);
        String computedAt = quote(COMPUTED_AT);
        String notOlder = switch (kind) {
            case LATEST -> "target." + validAt + " < EXCLUDED." + validAt + " OR (target." + validAt + " = EXCLUDED." + validAt
                    + " AND target." + computedAt + " <= EXCLUDED." + computedAt + ")";
            case HISTORY -> "target." + computedAt + " <= EXCLUDED." + computedAt;
        };
        return "INSERT INTO " + qualifiedName() + " AS target (" + String.join(", ", columns) + ")"
                + " VALUES (" + String.join(", ", parameters) + ")"
                + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET " + updates
                + " WHERE " + notOlder;
    }

    private List<String> keyColumns() {
        return kind == Kind.LATEST ? List.of(entity.quotedName()) : List.of(entity.quotedName(), quote(VALID_AT));
    }

    // Typed parameters: PostgreSQL then converts what the driver sends (an untyped null too) to the column's type.
    private static String parameter(String sqlType) {
        return "CAST(? AS " + sqlType + ")";
    }

    private static String quote(String name) {
        return SqlIdentifiers.quote(name);
    }
}
