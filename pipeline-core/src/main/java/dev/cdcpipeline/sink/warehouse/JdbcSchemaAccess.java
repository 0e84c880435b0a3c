package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.source.SourceConnectors;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link SchemaAccess} over JDBC: the warehouse's catalog and each source's own. */
final class JdbcSchemaAccess implements SchemaAccess {

    private static final long serialVersionUID = 1L;

    private final WarehouseSettings warehouse;
    private final List<SourceSettings> sources;
    private transient CheckConstraintQuery checks;

    JdbcSchemaAccess(WarehouseSettings warehouse, List<SourceSettings> sources) {
        this.warehouse = warehouse;
        this.sources = List.copyOf(sources);
    }

    @Override
    public Map<TableId, LiveTable> readWarehouse(Collection<WarehouseTable> tables) throws SQLException {
        Map<TableId, LiveTable> live = new HashMap<>();
        try (Connection connection = WarehouseSchemaSetup.open(warehouse)) {
            for (WarehouseTable table : tables) {
                live.put(table.source(), WarehouseCatalog.require(connection, table));
            }
        }
        return live;
    }

    @Override
    public Map<TableId, Map<String, Integer>> sourceColumnIds(Collection<TableId> tables) throws SQLException {
        Map<TableId, Map<String, Integer>> ids = new HashMap<>();
        for (SourceSettings source : sources) {
            List<TableId> ofSource = tables.stream().filter(table -> table.source().equals(source.name())).toList();
            if (source instanceof PostgresSourceSettings && !ofSource.isEmpty()) {
                try (Connection connection = SourceConnectors.openConnection(source)) {
                    for (TableId table : ofSource) {
                        ids.put(table, SourceSchemaReader.postgresColumnIds(connection, table));
                    }
                }
            }
        }
        return ids;
    }

    @Override
    public SourceSchema describeSource(TableId table) {
        SourceSettings source = sources.stream().filter(candidate -> candidate.name().equals(table.source())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No source named " + table.source() + " for " + table));
        return SourceSchemaReader.read(source, table);
    }

    @Override
    public EvolutionPlan evolve(WarehouseTable table, SourceSchema source, Map<String, Object> row, Map<String, Integer> recordedIds)
            throws SQLException {
        return WarehouseEvolver.evolve(warehouse, table, source, row, recordedIds);
    }

    @Override
    public List<CheckConstraint> violatedChecks(LiveTable table, Map<String, Object> row) throws SQLException {
        if (checks == null) {
            checks = new CheckConstraintQuery(warehouse);
        }
        return checks.violated(table, row);
    }

    @Override
    public void close() {
        if (checks != null) {
            checks.close();
        }
    }
}
