package dev.cdcpipeline.local.verify;

import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.features.FeatureColumn;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.job.PipelinePlan;
import dev.cdcpipeline.schema.SourceColumn;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the feature views against the source: for every entity, the latest feature record that
 * the view's topic committed must equal the features recomputed by brute force from the final
 * source table at that record's {@code valid_at}, and every entity with a row inside a window
 * must have a record. The recomputation is written independently of the pipeline's operators:
 * a loop over the rows, per the definitions in the README.
 */
public final class FeatureReconciler {

    private static final int MAX_EXAMPLES = 10;

    private final PipelinePlan plan;

    public FeatureReconciler(PipelinePlan plan) {
        this.plan = plan;
    }

    public FeatureReport reconcile() throws SQLException {
        long entities = 0;
        List<String> mismatches = new ArrayList<>();
        for (FeatureView view : plan.featureViews()) {
            Map<String, JsonNode> latest = latestRecords(view);
            Map<String, List<SourceRow>> rowsByEntity = readSource(view).stream()
                    .collect(Collectors.groupingBy(SourceRow::entity));
            long checkTime = latest.values().stream().mapToLong(FeatureReconciler::validAt).max().orElse(System.currentTimeMillis());
            Set<String> checked = new HashSet<>();
            latest.forEach((entity, record) -> {
                checked.add(entity);
                compare(view, entity, record, rowsByEntity.getOrDefault(entity, List.of()), mismatches);
            });
            rowsByEntity.forEach((entity, rows) -> {
                if (!checked.contains(entity) && rows.stream().anyMatch(row -> inWindow(row, checkTime, longest(view)))) {
                    checked.add(entity);
                    mismatches.add(view.name() + " entity " + entity + ": has rows inside a window but no feature record");
                }
            });
            entities += checked.size();
        }
        return new FeatureReport(plan.featureViews().size(), entities, mismatches.size(),
                mismatches.subList(0, Math.min(MAX_EXAMPLES, mismatches.size())));
    }

    private void compare(FeatureView view, String entity, JsonNode record, List<SourceRow> rows, List<String> mismatches) {
        long validAt = validAt(record);
        for (FeatureColumn feature : view.featureColumns()) {
            List<SourceRow> inWindow = rows.stream().filter(row -> inWindow(row, validAt, feature.window().length().toMillis())).toList();
            Object expected = bruteForce(feature.aggregate(), inWindow);
            JsonNode actual = record.get(feature.name());
            if (!sameValue(expected, actual)) {
                mismatches.add(view.name() + " entity " + entity + " " + feature.name() + " at "
                        + Instant.ofEpochMilli(validAt) + ": expected " + expected + ", the topic has " + actual);
            }
        }
    }

    private static boolean inWindow(SourceRow row, long validAt, long windowMillis) {
        return row.eventTimeMillis() > validAt - windowMillis && row.eventTimeMillis() <= validAt;
    }

    private static long longest(FeatureView view) {
        return view.settings().longestWindow().toMillis();
    }

    /** The aggregate as the README defines it, over the rows inside the window. */
    private static Object bruteForce(AggregateSettings aggregate, List<SourceRow> rows) {
        List<Object> values = new ArrayList<>();
        for (SourceRow row : rows) {
            Object value = aggregate.column() == null ? row : row.values().get(aggregate.column());
            if (value != null) {
                values.add(value);
            }
        }
        return switch (aggregate.function()) {
            case COUNT -> BigDecimal.valueOf(values.size());
            case COUNT_DISTINCT -> BigDecimal.valueOf(values.stream().map(FeatureReconciler::canonical).distinct().count());
            case SUM -> values.stream().map(BigDecimal.class::cast).reduce(BigDecimal.ZERO, BigDecimal::add);
            case AVG -> values.isEmpty() ? null : average(values);
            case MIN -> values.stream().min(FeatureReconciler::compareValues).orElse(null);
            case MAX -> values.stream().max(FeatureReconciler::compareValues).orElse(null);
            case LATEST -> rows.stream().max(Comparator.comparingLong(SourceRow::eventTimeMillis))
                    .map(row -> row.values().get(aggregate.column())).orElse(null);
        };
    }

    private static BigDecimal average(List<Object> values) {
        BigDecimal sum = BigDecimal.ZERO;
        int scale = 0;
        for (Object value : values) {
            BigDecimal number = (BigDecimal) value;
            sum = sum.add(number);
            scale = Math.max(scale, number.scale());
        }
        return sum.divide(BigDecimal.valueOf(values.size()), scale + 4, RoundingMode.HALF_EVEN);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object left, Object right) {
        return ((Comparable) left).compareTo(right);
    }

    private static boolean sameValue(Object expected, JsonNode actual) {
        if (expected == null || actual == null || actual.isNull()) {
            return expected == null && (actual == null || actual.isNull());
        }
        if (expected instanceof BigDecimal number) {
            return actual.isNumber() && number.compareTo(actual.decimalValue()) == 0;
        }
        if (expected instanceof LocalDateTime dateTime) {
            return actual.isTextual() && dateTime.equals(LocalDateTime.parse(actual.asText()));
        }
        if (expected instanceof Instant instant) {
            return actual.isTextual() && instant.equals(Instant.parse(actual.asText()));
        }
        return expected.toString().equals(actual.asText());
    }

    private Map<String, JsonNode> latestRecords(FeatureView view) {
        KafkaSettings kafka = plan.definition().kafka().orElseThrow();
        Map<String, JsonNode> latest = new HashMap<>();
        // Records of one entity share a key, hence a partition, and arrive in the order they were computed.
        for (CommittedTopicReader.JsonRecord record : CommittedTopicReader.readAll(kafka.bootstrapServers(), kafka.properties(), view.topic())) {
            latest.put(canonical(record.key().get(view.settings().entityColumn())), record.value());
        }
        return latest;
    }

    private static long validAt(JsonNode record) {
        return Instant.parse(record.get("valid_at").asText()).toEpochMilli();
    }

    private record SourceRow(String entity, long eventTimeMillis, Map<String, Object> values) {}

    private List<SourceRow> readSource(FeatureView view) throws SQLException {
        FeatureViewSettings settings = view.settings();
        String eventTime = settings.eventTime().orElseThrow(() -> new IllegalArgumentException("feature view "
                + view.name() + " uses source commit times, which the source tables do not keep: it cannot be recomputed"));
        SourceSettings source = plan.definition().sources().stream()
                .filter(candidate -> candidate.name().equals(view.table().id().source())).findFirst().orElseThrow();
        SourceDatabase database = new SourceDatabase(source);
        Set<String> aggregated = settings.aggregates().stream().map(AggregateSettings::column).filter(Objects::nonNull)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> columns = new ArrayList<>(List.of(settings.entityColumn(), eventTime));
        columns.addAll(aggregated);
        String query = "SELECT " + columns.stream().map(database::quote).collect(Collectors.joining(", "))
                + " FROM " + database.qualifiedName(view.table().id());
        List<SourceRow> rows = new ArrayList<>();
        try (Connection connection = database.open();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                Map<String, Object> values = new HashMap<>();
                for (int i = 0; i < aggregated.size(); i++) {
                    String column = columns.get(2 + i);
                    values.put(column, read(result, 3 + i, view.column(column)));
                }
                Object time = read(result, 2, view.column(eventTime));
                rows.add(new SourceRow(canonical(result.getObject(1)), eventTimeMillis(time, settings), values));
            }
        }
        return rows;
    }

    private static Object read(ResultSet result, int index, SourceColumn column) throws SQLException {
        return switch (column.dataType()) {
            case "datetime" -> result.getObject(index, LocalDateTime.class);
            case "timestamp" -> {
                Timestamp timestamp = result.getTimestamp(index);
                yield timestamp == null ? null : timestamp.toInstant();
            }
            case "date" -> result.getObject(index, LocalDate.class);
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "year" ->
                    result.getBigDecimal(index);
            default -> result.getString(index);
        };
    }

    private static long eventTimeMillis(Object time, FeatureViewSettings settings) {
        if (time instanceof LocalDateTime dateTime) {
            return dateTime.atZone(settings.timeZone()).toInstant().toEpochMilli();
        }
        if (time instanceof LocalDate date) {
            return date.atStartOfDay(settings.timeZone()).toInstant().toEpochMilli();
        }
        return ((Instant) time).toEpochMilli();
    }

    private static String canonical(Object value) {
        if (value instanceof JsonNode node) {
            return node.isNumber() ? canonical(node.decimalValue()) : node.asText();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
