package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.TableId;

import java.io.Serializable;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the warehouse router reads and changes to follow schema changes: the warehouse tables as
 * they are, the source tables as they are, and the DDL that brings the one up to the other; and
 * the warehouse's verdict on a row for a table with CHECK constraints.
 */
interface SchemaAccess extends Serializable {

    /** Each table's live columns, by source table. */
    Map<TableId, LiveTable> readWarehouse(Collection<WarehouseTable> tables) throws SQLException;

    /** The PostgreSQL attnum of each source column, by source table; no entry for MySQL and MariaDB tables. */
    Map<TableId, Map<String, Integer>> sourceColumnIds(Collection<TableId> tables) throws SQLException;

    /** The source table as its database describes it now. */
    SourceSchema describeSource(TableId table);

    /**
     * Plans again, under a lock on the warehouse table, what it needs to store {@code row}, and
     * applies the changes if the plan does not stop; returns that plan.
     */
    EvolutionPlan evolve(WarehouseTable table, SourceSchema source, Map<String, Object> row, Map<String, Integer> recordedIds)
            throws SQLException;

    /** The CHECK constraints of the warehouse table (it has some) that {@code row} violates. */
    List<CheckConstraint> violatedChecks(LiveTable table, Map<String, Object> row) throws SQLException;

    /** Releases what the checks opened (connections); the router calls it when it closes. */
    default void close() {}
}
