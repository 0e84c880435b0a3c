package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.config.DeleteMode;
import dev.cdcpipeline.config.WarehouseSettings;

import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes one change to its warehouse table with one statement, so that flink-connector-jdbc can
 * batch it and every change of a row applies in order.
 *
 * <p>Inserts, updates and snapshot reads upsert the row. A delete either upserts the row with
 * {@code _cdc_deleted = true} (soft) or removes it (hard): in hard mode the statement carries
 * both branches, a data-modifying CTE that deletes and an insert that skips deletes. Each branch
 * applies only if the change's position is newer than the row's, so a replay changes nothing.
 *
 * <p>The statement names the table's columns. The pipeline's writers read them from the
 * warehouse's catalog when they open ({@link #ofLiveTable}): flink-connector-jdbc asks for
 * {@link #query()} on the TaskManager as it creates the writer, so a writer restarted after the
 * table evolved writes the new columns. A column the change lacks (a change from before the source
 * added it, replayed after a restart) is written as the column's DEFAULT, NULL when it has none.
 */
public final class ChangeEventUpsert implements JdbcQueryStatement<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final WarehouseTable table;
    private final WriteLatency latency;
    /** Where the live columns are read from; null to write the plan's columns. */
    private final WarehouseSettings liveColumnsFrom;

    private transient LiveTable columns;
    private transient Set<String> columnNames;
    private transient String query;

    public ChangeEventUpsert(WarehouseTable table) {
        this(table, new WriteLatency());
    }

    /** Writes the plan's columns; @param latency where each write's latency is recorded */
    public ChangeEventUpsert(WarehouseTable table, WriteLatency latency) {
        this(table, latency, null);
    }

    private ChangeEventUpsert(WarehouseTable table, WriteLatency latency, WarehouseSettings liveColumnsFrom) {
        this.table = table;
        this.latency = latency;
        this.liveColumnsFrom = liveColumnsFrom;
    }

    /**
     * Writes the columns the table has in the warehouse when the writer opens.
     *
     * @param latency where each write's latency is recorded; the sink registers it as metrics
     */
    public static ChangeEventUpsert ofLiveTable(WarehouseTable table, WarehouseSettings warehouse, WriteLatency latency) {
        return new ChangeEventUpsert(table, latency, warehouse);
    }

    @Override
    public String query() {
        if (query == null) {
            columns = liveColumnsFrom == null ? LiveTable.fromPlan(table) : readLiveColumns();
            columnNames = columns.columnNames();
            query = table.deleteMode() == DeleteMode.HARD ? hardDeleteQuery(columns) : softDeleteQuery(columns);
        }
        return query;
    }

    private LiveTable readLiveColumns() {
        try (Connection connection = WarehouseSchemaSetup.open(liveColumnsFrom)) {
            return WarehouseCatalog.require(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the columns of the warehouse table " + table.qualifiedName() + " in "
                    + WarehouseSchemaSetup.describe(liveColumnsFrom.url()) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void statement(PreparedStatement statement, ChangeEvent change) throws SQLException {
        query();
        Map<String, Object> row = change.latestRow();
        for (String column : row.keySet()) {
            if (!columnNames.contains(column)) {
                // The router checks every change against the table it read; this writer read it earlier, before it evolved.
                throw new IllegalStateException("A change of " + change.table() + " has column '" + column + "', which this writer"
                        + " of the warehouse table " + table.qualifiedName() + " does not write: the table evolved while the"
                        + " writer opened; the job restarts to write with the new columns");
            }
        }
        int index = bindData(statement, columns, row);
        statement.setString(index++, change.operation().code());
        statement.setString(index++, change.position().sortableText());
        JdbcValues.bind(statement, index++, change.sourceTimestampMillis() == 0 ? null : Instant.ofEpochMilli(change.sourceTimestampMillis()));
        statement.setBoolean(index, change.operation() == Operation.DELETE);
        // flink-connector-jdbc binds a batch's changes right before it executes the batch.
        latency.written(change);
    }

    private static String softDeleteQuery(LiveTable table) {
        return "INSERT INTO " + table.qualifiedName() + " AS target (" + allColumnNames(table) + ")"
                + " VALUES (" + typedParameters(table) + ", now())"
                + onConflictUpdate(table);
    }

    private static String hardDeleteQuery(LiveTable table) {
        String keyMatch =
                table.keyColumns().stream()
                        .map(column -> "target." + column.quotedName() + " = change." + column.quotedName())
                        .collect(Collectors.joining(" AND "));
        return "WITH change (" + joinNames(table.columns()) + ", "
                + WarehouseTable.OPERATION + ", " + WarehouseTable.POSITION + ", "
                + WarehouseTable.SOURCE_TIMESTAMP + ", " + WarehouseTable.DELETED + ")"
                + " AS (VALUES (" + typedParameters(table) + ")),"
                + " removed AS (DELETE FROM " + table.qualifiedName() + " AS target USING change"
                + " WHERE change." + WarehouseTable.DELETED + " AND " + keyMatch
                + " AND target." + WarehouseTable.POSITION + " < change." + WarehouseTable.POSITION + " COLLATE \"C\")"
                + " INSERT INTO " + table.qualifiedName() + " AS target (" + allColumnNames(table) + ")"
                + " SELECT change.*, now() FROM change WHERE NOT change." + WarehouseTable.DELETED
                + onConflictUpdate(table);
    }

    private static String joinNames(List<LiveColumn> columns) {
        return columns.stream().map(LiveColumn::quotedName).collect(Collectors.joining(", "));
    }

    private static String allColumnNames(LiveTable table) {
        return joinNames(table.columns()) + ", " + WarehouseTable.OPERATION + ", "
                + WarehouseTable.POSITION + ", " + WarehouseTable.SOURCE_TIMESTAMP + ", "
                + WarehouseTable.DELETED + ", " + WarehouseTable.WRITTEN_AT;
    }

    /**
     * One parameter per column, cast to its type; a column with a DEFAULT takes a second one before
     * it that says whether the change has the column at all.
     */
    private static String typedParameters(LiveTable table) {
        return dataParameters(table) + ", CAST(? AS char(1)), CAST(? AS text), CAST(? AS timestamptz), CAST(? AS boolean)";
    }

    /** The data columns' parameters, in table order, as {@link #bindData} binds them. */
    static String dataParameters(LiveTable table) {
        return table.columns().stream()
                .map(column -> column.defaultExpression() == null
                        ? "CAST(? AS " + column.type().sql() + ")"
                        : "CASE WHEN CAST(? AS boolean) THEN CAST(? AS " + column.type().sql() + ") ELSE "
                                + column.defaultExpression() + " END")
                .collect(Collectors.joining(", "));
    }

    /**
     * Binds the row's values to {@link #dataParameters}: a column the row lacks gets its DEFAULT,
     * NULL without one.
     *
     * @return the next parameter's index
     */
    static int bindData(PreparedStatement statement, LiveTable table, Map<String, Object> row) throws SQLException {
        int index = 1;
        for (LiveColumn column : table.columns()) {
            if (column.defaultExpression() != null) {
                statement.setBoolean(index++, row.containsKey(column.name()));
            }
            JdbcValues.bind(statement, index++, row.get(column.name()));
        }
        return index;
    }

    private static String onConflictUpdate(LiveTable table) {
        List<String> updated = new ArrayList<>(
                table.columns().stream().filter(column -> !column.primaryKey()).map(LiveColumn::quotedName).toList());
        updated.addAll(List.of(WarehouseTable.OPERATION, WarehouseTable.POSITION, WarehouseTable.SOURCE_TIMESTAMP,
                WarehouseTable.DELETED, WarehouseTable.WRITTEN_AT));
        return " ON CONFLICT (" + joinNames(table.keyColumns()) + ") DO UPDATE SET "
                + updated.stream().map(name -> name + " = EXCLUDED." + name).collect(Collectors.joining(", "))
                + " WHERE target." + WarehouseTable.POSITION + " < EXCLUDED." + WarehouseTable.POSITION;
    }
}
