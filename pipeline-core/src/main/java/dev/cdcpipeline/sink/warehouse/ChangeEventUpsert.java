package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.config.DeleteMode;

import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes one change to its warehouse table with one statement, so that flink-connector-jdbc can
 * batch it and every change of a row applies in order.
 *
 * <p>Inserts, updates and snapshot reads upsert the row. A delete either upserts the row with
 * {@code _cdc_deleted = true} (soft) or removes it (hard): in hard mode the statement carries
 * both branches, a data-modifying CTE that deletes and an insert that skips deletes. Each branch
 * applies only if the change's position is newer than the row's, so a replay changes nothing.
 */
public final class ChangeEventUpsert implements JdbcQueryStatement<ChangeEvent> {

    private static final long serialVersionUID = 1L;

    private final WarehouseTable table;
    private final String query;
    private final WriteLatency latency;

    public ChangeEventUpsert(WarehouseTable table) {
        this(table, new WriteLatency());
    }

    /** @param latency where each write's latency is recorded; the sink registers it as metrics */
    public ChangeEventUpsert(WarehouseTable table, WriteLatency latency) {
        this.table = table;
        this.latency = latency;
        this.query = table.deleteMode() == DeleteMode.HARD ? hardDeleteQuery(table) : softDeleteQuery(table);
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public void statement(PreparedStatement statement, ChangeEvent change) throws SQLException {
        Map<String, Object> row = change.latestRow();
        int index = 1;
        for (WarehouseColumn column : table.columns()) {
            JdbcValues.bind(statement, index++, row.get(column.name()));
        }
        statement.setString(index++, change.operation().code());
        statement.setString(index++, change.position().sortableText());
        JdbcValues.bind(statement, index++, change.sourceTimestampMillis() == 0 ? null : Instant.ofEpochMilli(change.sourceTimestampMillis()));
        statement.setBoolean(index, change.operation() == Operation.DELETE);
        // flink-connector-jdbc binds a batch's changes right before it executes the batch.
        latency.written(change);
    }

    private static String softDeleteQuery(WarehouseTable table) {
        return "INSERT INTO " + table.qualifiedName() + " AS target (" + allColumnNames(table) + ")"
                + " VALUES (" + typedParameters(table) + ", now())"
                + onConflictUpdate(table);
    }

    private static String hardDeleteQuery(WarehouseTable table) {
        String keyMatch =
                table.keyColumns().stream()
                        .map(column -> "target." + column.quotedName() + " = change." + column.quotedName())
                        .collect(Collectors.joining(" AND "));
        return "WITH change (" + WarehouseTable.joinNames(table.columns()) + ", "
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

    private static String allColumnNames(WarehouseTable table) {
        return WarehouseTable.joinNames(table.columns()) + ", " + WarehouseTable.OPERATION + ", "
                + WarehouseTable.POSITION + ", " + WarehouseTable.SOURCE_TIMESTAMP + ", "
                + WarehouseTable.DELETED + ", " + WarehouseTable.WRITTEN_AT;
    }

    private static String typedParameters(WarehouseTable table) {
        String data =
                table.columns().stream()
                        .map(column -> "CAST(? AS " + column.sqlType() + ")")
                        .collect(Collectors.joining(", "));
        return data + ", CAST(? AS char(1)), CAST(? AS text), CAST(? AS timestamptz), CAST(? AS boolean)";
    }

    private static String onConflictUpdate(WarehouseTable table) {
        List<String> updated =
                table.columns().stream().filter(column -> !column.primaryKey()).map(WarehouseColumn::quotedName)
                        .collect(Collectors.toList());
        updated.addAll(List.of(WarehouseTable.OPERATION, WarehouseTable.POSITION, WarehouseTable.SOURCE_TIMESTAMP,
                WarehouseTable.DELETED, WarehouseTable.WRITTEN_AT));
        return " ON CONFLICT (" + WarehouseTable.joinNames(table.keyColumns()) + ") DO UPDATE SET "
                + updated.stream().map(name -> name + " = EXCLUDED." + name).collect(Collectors.joining(", "))
                + " WHERE target." + WarehouseTable.POSITION + " < EXCLUDED." + WarehouseTable.POSITION;
    }
}
