package dev.cdcpipeline.local.verify;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.job.PipelinePlan;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.warehouse.SqlIdentifiers;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;
import dev.cdcpipeline.source.SourceConnectors;
import dev.cdcpipeline.verify.CanonicalValues;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares every captured table row by row: the source against the warehouse table's live rows,
 * and against the latest row per key that the table's change topic holds (read with
 * {@code isolation.level=read_committed}, so only what the pipeline committed counts).
 */
public final class Reconciler {

    private static final int MAX_EXAMPLES = 10;
    /** Flags the rows the pipeline keeps after their source row was deleted (soft deletes). */
    private static final String SOFT_DELETE_COLUMN = "_cdc_deleted";

    private final PipelinePlan plan;
    private final TopicFormat topicFormat;

    /** For the pipeline's own outputs: warehouse tables and change records. */
    public Reconciler(PipelinePlan plan) {
        this(plan, TopicFormat.CHANGE_RECORDS);
    }

    /**
     * For outputs that other writers shaped like the plan's: the plan names the tables and topics,
     * {@code topicFormat} says how the topics carry rows.
     */
    public Reconciler(PipelinePlan plan, TopicFormat topicFormat) {
        this.plan = plan;
        this.topicFormat = topicFormat;
    }

    public ReconciliationReport reconcile() throws Exception {
        long sourceRows = 0;
        long warehouseRows = 0;
        long kafkaRecords = 0;
        List<Discrepancy> discrepancies = new ArrayList<>();
        Map<TableId, SourceTable> current = currentSourceTables();
        for (SourceTable planned : plan.sourceTables()) {
            // The table as the source has it now: its schema may have changed while the pipeline ran.
            SourceTable table = current.getOrDefault(planned.id(), planned);
            Map<String, List<String>> source = readSource(table);
            sourceRows += source.size();
            WarehouseTable warehouseTable = warehouseTableOf(table.id());
            if (warehouseTable != null) {
                WarehouseRows warehouse = readWarehouse(table, warehouseTable);
                warehouseRows += warehouse.rows().size();
                compare(warehouse.columns(), "warehouse", project(source, table, warehouse.columns()), warehouse.rows(), discrepancies);
            }
            String topic = plan.topicByTable().get(table.id());
            if (topic != null) {
                TopicContents contents = readTopic(topic, table);
                kafkaRecords += contents.records();
                contents.violations().forEach(violation -> discrepancies.add(
                        new Discrepancy(violation.kind(), table.id() + " topic " + topic + ": " + violation.description())));
                compare(table, "topic " + topic, source, latestRows(table, contents, source), discrepancies);
            }
        }
        return new ReconciliationReport(plan.sourceTables().size(), sourceRows, warehouseRows, kafkaRecords,
                count(discrepancies, Discrepancy.Kind.LOST), count(discrepancies, Discrepancy.Kind.DUPLICATED),
                count(discrepancies, Discrepancy.Kind.MISMATCHED),
                discrepancies.stream().limit(MAX_EXAMPLES).map(Discrepancy::description).toList());
    }

    private static long count(List<Discrepancy> discrepancies, Discrepancy.Kind kind) {
        return discrepancies.stream().filter(discrepancy -> discrepancy.kind() == kind).count();
    }

    private static void compare(SourceTable table, String side, Map<String, List<String>> source,
            Map<String, List<String>> copy, List<Discrepancy> discrepancies) {
        Set<String> keys = new TreeSet<>(source.keySet());
        keys.addAll(copy.keySet());
        for (String key : keys) {
            List<String> expected = source.get(key);
            List<String> actual = copy.get(key);
            if (actual == null) {
                discrepancies.add(Discrepancy.lost(table.id() + " key " + key + ": in the source, missing from the " + side));
            } else if (expected == null) {
                discrepancies.add(Discrepancy.mismatched(table.id() + " key " + key + ": in the " + side + ", not in the source"));
            } else if (!expected.equals(actual)) {
                discrepancies.add(Discrepancy.mismatched(
                        table.id() + " key " + key + ": the " + side + " differs: " + differences(table, expected, actual)));
            }
        }
    }

    private static String differences(SourceTable table, List<String> expected, List<String> actual) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                differences.add(table.columns().get(i).name() + " source=" + expected.get(i) + " copy=" + actual.get(i));
            }
        }
        return String.join(", ", differences);
    }

    private Map<String, List<String>> readSource(SourceTable table) throws SQLException {
        SourceSettings source = plan.definition().sources().stream()
                .filter(candidate -> candidate.name().equals(table.id().source())).findFirst().orElseThrow();
        SourceDatabase database = new SourceDatabase(source);
        String columns = table.columns().stream()
                .map(column -> CanonicalValues.selectExpression(database.quote(column.name()), column, database.postgres()))
                .collect(Collectors.joining(", "));
        String query = "SELECT " + columns + " FROM " + database.qualifiedName(table.id());
        try (Connection connection = database.open()) {
            return readRows(connection, query, table);
        }
    }

    private Map<TableId, SourceTable> currentSourceTables() {
        Map<TableId, SourceTable> tables = new HashMap<>();
        for (SourceSettings source : plan.definition().sources()) {
            SourceConnectors.describeTables(source).forEach(table -> tables.put(table.id(), table));
        }
        return tables;
    }

    /** A warehouse table's live rows, of the source table's columns that the warehouse table has (described by {@code columns}). */
    private record WarehouseRows(SourceTable columns, Map<String, List<String>> rows) {}

    private WarehouseRows readWarehouse(SourceTable table, WarehouseTable warehouseTable) throws SQLException {
        WarehouseSettings warehouse = plan.definition().warehouse().orElseThrow();
        try (Connection connection = DriverManager.getConnection(warehouse.url(), warehouse.username(), warehouse.password().value())) {
            SourceTable compared = columnsInWarehouse(connection, table, warehouseTable);
            String columns = compared.columns().stream()
                    .map(column -> CanonicalValues.selectExpression(SqlIdentifiers.quote(column.name()), column, true))
                    .collect(Collectors.joining(", "));
            String query = "SELECT " + columns + " FROM " + warehouseTable.qualifiedName() + liveRowsCondition(connection, warehouseTable);
            return new WarehouseRows(compared, readRows(connection, query, compared));
        }
    }

    /**
     * The source table's columns that the warehouse table has: a column the warehouse does not
     * write ({@code pipeline.schema-changes: ignore}) is not compared.
     */
    private static SourceTable columnsInWarehouse(Connection connection, SourceTable table, WarehouseTable warehouseTable)
            throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet columns = connection.getMetaData().getColumns(null, warehouseTable.schema(), warehouseTable.name(), null)) {
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME"));
            }
        }
        return new SourceTable(table.id(), table.columns().stream().filter(column -> names.contains(column.name())).toList(),
                table.primaryKey());
    }

    /** Rows read with {@code from}'s columns, reduced to {@code to}'s. */
    private static Map<String, List<String>> project(Map<String, List<String>> rows, SourceTable from, SourceTable to) {
        if (to.columns().size() == from.columns().size()) {
            return rows;
        }
        int[] indexes = to.columns().stream().mapToInt(column -> columnIndex(from, column.name())).toArray();
        Map<String, List<String>> projected = new HashMap<>();
        rows.forEach((key, values) -> {
            List<String> kept = new ArrayList<>(indexes.length);
            for (int index : indexes) {
                kept.add(values.get(index));
            }
            projected.put(key, kept);
        });
        return projected;
    }

    /** A table without the soft-delete flag (the scripts in sql/ write such) holds live rows only. */
    private static String liveRowsCondition(Connection connection, WarehouseTable table) throws SQLException {
        try (ResultSet column = connection.getMetaData().getColumns(null, table.schema(), table.name(), SOFT_DELETE_COLUMN)) {
            return column.next() ? " WHERE NOT " + SOFT_DELETE_COLUMN : "";
        }
    }

    private static Map<String, List<String>> readRows(Connection connection, String query, SourceTable table) throws SQLException {
        List<SourceColumn> columns = table.columns();
        Map<String, List<String>> rows = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                List<String> values = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    values.add(CanonicalValues.fromResultSet(result, i + 1, columns.get(i)));
                }
                rows.put(keyOf(table, values), values);
            }
        }
        return rows;
    }

    private static String keyOf(SourceTable table, List<String> values) {
        List<String> key = new ArrayList<>();
        for (String column : table.primaryKey()) {
            key.add(values.get(columnIndex(table, column)));
        }
        return String.join("|", key);
    }

    private static int columnIndex(SourceTable table, String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column " + name + " in " + table.id());
    }

    /**
     * The latest row of each key in the topic. A record written before the source had a column
     * does not hold it (nothing in the log changed the row when the column was added): such a
     * column counts as equal to the source's value, only the columns both sides have are compared.
     */
    private static Map<String, List<String>> latestRows(SourceTable table, TopicContents contents, Map<String, List<String>> source) {
        Map<String, List<String>> rows = new HashMap<>();
        contents.latestRowByKey().forEach((key, after) -> {
            List<String> expected = source.get(key);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < table.columns().size(); i++) {
                SourceColumn column = table.columns().get(i);
                values.add(after.has(column.name()) || expected == null
                        ? CanonicalValues.fromJson(after.get(column.name()), column) : expected.get(i));
            }
            rows.put(key, values);
        });
        return rows;
    }

    private TopicContents readTopic(String topic, SourceTable table) {
        KafkaSettings kafka = plan.definition().kafka().orElseThrow();
        TopicContents contents = topicFormat.newContents(table);
        for (CommittedTopicReader.JsonRecord record : CommittedTopicReader.readAll(kafka.bootstrapServers(), kafka.properties(), topic)) {
            contents.add(keyOf(table, record.key()), record.value());
        }
        return contents;
    }

    private static String keyOf(SourceTable table, JsonNode key) {
        List<String> values = new ArrayList<>();
        for (String column : table.primaryKey()) {
            SourceColumn definition = table.columns().get(columnIndex(table, column));
            values.add(CanonicalValues.fromJson(key.get(column), definition));
        }
        return String.join("|", values);
    }

    private WarehouseTable warehouseTableOf(TableId table) {
        return plan.warehouseTables().stream().filter(candidate -> candidate.source().equals(table)).findFirst().orElse(null);
    }
}
