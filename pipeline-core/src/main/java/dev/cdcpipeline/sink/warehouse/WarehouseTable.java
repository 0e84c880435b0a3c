package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.DeleteMode;
import dev.cdcpipeline.schema.SourceTable;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The warehouse table that mirrors one source table: the source's columns with exact types, plus
 * metadata columns that make writes idempotent and tell where each row came from.
 *
 * <ul>
 *   <li>{@code _cdc_op}: the last change applied (r, c, u, d);
 *   <li>{@code _cdc_position}: its source position as sortable text. A write applies only if its
 *       position is newer, so replaying any part of the change stream leaves the table as it was;
 *   <li>{@code _cdc_source_ts}: when the source committed it (null for snapshot reads);
 *   <li>{@code _cdc_deleted}: true once the row is deleted at the source (soft deletes);
 *   <li>{@code _cdc_written_at}: when the pipeline wrote the row.
 * </ul>
 */
public record WarehouseTable(
        TableId source, String schema, String name, List<WarehouseColumn> columns, DeleteMode deleteMode)
        implements Serializable {

    static final String OPERATION = "_cdc_op";
    static final String POSITION = "_cdc_position";
    static final String SOURCE_TIMESTAMP = "_cdc_source_ts";
    static final String DELETED = "_cdc_deleted";
    static final String WRITTEN_AT = "_cdc_written_at";

    public WarehouseTable {
        columns = List.copyOf(columns);
    }

    public static WarehouseTable mirroring(SourceTable table, String schema, String name, DeleteMode deleteMode) {
        List<WarehouseColumn> columns =
                table.columns().stream()
                        .map(column -> new WarehouseColumn(
                                column.name(), PostgresTypes.of(column), table.primaryKey().contains(column.name())))
                        .toList();
        // Key columns in key order first is not needed: PostgreSQL's key follows the constraint.
        return new WarehouseTable(table.id(), schema, name, columns, deleteMode);
    }

    public String qualifiedName() {
        return SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(name);
    }

    List<WarehouseColumn> keyColumns() {
        return columns.stream().filter(WarehouseColumn::primaryKey).toList();
    }

    String createStatement() {
        String dataColumns =
                columns.stream()
                        .map(column -> column.quotedName() + " " + column.sqlType() + (column.primaryKey() ? " NOT NULL" : ""))
                        .collect(Collectors.joining(",\n  "));
        return "CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (\n  "
                + dataColumns + ",\n  "
                + OPERATION + " char(1) NOT NULL,\n  "
                + POSITION + " text COLLATE \"C\" NOT NULL,\n  "
                + SOURCE_TIMESTAMP + " timestamptz,\n  "
                + DELETED + " boolean NOT NULL DEFAULT false,\n  "
                + WRITTEN_AT + " timestamptz NOT NULL DEFAULT now(),\n  "
                + "PRIMARY KEY (" + joinNames(keyColumns()) + ")\n)";
    }

    static String joinNames(List<WarehouseColumn> columns) {
        return columns.stream().map(WarehouseColumn::quotedName).collect(Collectors.joining(", "));
    }
}
