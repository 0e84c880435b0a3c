package dev.cdcpipeline.sink.warehouse;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A warehouse table's data columns (not the {@code _cdc_*} metadata) as its catalog describes them
 * now. The sets the router consults for every change are computed once.
 */
final class LiveTable implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String schema;
    private final String name;
    private final List<LiveColumn> columns;
    private final Set<String> columnNames;
    private final List<String> requiredColumns;
    private final List<CheckConstraint> checks;

    LiveTable(String schema, String name, List<LiveColumn> columns) {
        this(schema, name, columns, List.of());
    }

    LiveTable(String schema, String name, List<LiveColumn> columns, List<CheckConstraint> checks) {
        this.schema = schema;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.checks = List.copyOf(checks);
        this.columnNames = columns.stream().map(LiveColumn::name).collect(Collectors.toUnmodifiableSet());
        this.requiredColumns = columns.stream().filter(column -> column.notNull() && column.defaultExpression() == null)
                .map(LiveColumn::name).toList();
    }

    /** The table as the plan creates it, for writers that do not read the catalog. */
    static LiveTable fromPlan(WarehouseTable table) {
        return new LiveTable(table.schema(), table.name(), table.columns().stream()
                .map(column -> new LiveColumn(column.name(), ColumnType.parse(column.sqlType()), column.primaryKey(), null,
                        column.primaryKey()))
                .toList());
    }

    String schema() {
        return schema;
    }

    String name() {
        return name;
    }

    List<LiveColumn> columns() {
        return columns;
    }

    String qualifiedName() {
        return SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(name);
    }

    Optional<LiveColumn> column(String columnName) {
        for (LiveColumn column : columns) {
            if (column.name().equals(columnName)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    Set<String> columnNames() {
        return columnNames;
    }

    /** Columns a row must have a value for: NOT NULL without a DEFAULT. */
    List<String> requiredColumns() {
        return requiredColumns;
    }

    /** The table's CHECK constraints; none unless its owner added some. */
    List<CheckConstraint> checks() {
        return checks;
    }

    List<LiveColumn> keyColumns() {
        return columns.stream().filter(LiveColumn::primaryKey).toList();
    }
}
