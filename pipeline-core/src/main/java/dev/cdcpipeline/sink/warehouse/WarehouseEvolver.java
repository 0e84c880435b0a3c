package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.config.WarehouseSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Brings a warehouse table up to its source table in one transaction. Every parallel router may
 * see the same schema change at the same moment: each takes an exclusive lock on the table, plans
 * again on what it finds there, and so the first applies the change and the others find nothing
 * left to do. The DDL is idempotent on its own too ({@code ADD COLUMN IF NOT EXISTS}).
 */
final class WarehouseEvolver {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseEvolver.class);
    /** Writers hold the table's lock only for a batch; a lock held longer is someone else's, worth failing over on. */
    private static final String LOCK_TIMEOUT = "30s";

    private WarehouseEvolver() {}

    static EvolutionPlan evolve(WarehouseSettings warehouse, WarehouseTable table, SourceSchema source, Map<String, Object> row,
            Map<String, Integer> recordedIds) throws SQLException {
        String qualifiedName = table.qualifiedName();
        try (Connection connection = WarehouseSchemaSetup.open(warehouse)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                statement.execute("LOCK TABLE " + qualifiedName + " IN ACCESS EXCLUSIVE MODE");
                LiveTable live = WarehouseCatalog.require(connection, table);
                EvolutionPlan plan = EvolutionPlanner.plan(live, source, row, recordedIds);
                if (plan.stop().isPresent()) {
                    connection.rollback();
                    return plan;
                }
                for (SchemaChange change : plan.changes()) {
                    statement.execute(change.ddl(qualifiedName));
                }
                connection.commit();
                if (!plan.changes().isEmpty()) {
                    LOG.info("Warehouse table {} follows {}: {}", qualifiedName, table.source(), plan.done());
                }
                return plan;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
