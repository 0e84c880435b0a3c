package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.DeleteMode;
import dev.cdcpipeline.config.SchemaChangeMode;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends each change to its table's side output, after checking it against the warehouse table as
 * it is now (read when the router opens: the table may have evolved in an earlier run). A change
 * the table does not fit (a column it lacks, a value its column cannot hold) is a schema change of
 * the source, handled as {@code pipeline.schema-changes} says:
 *
 * <ul>
 *   <li>{@code evolve}: the table follows the source (see {@link EvolutionPlanner}), then the job
 *       fails over once ({@link WarehouseEvolvedException}) so that the writers, whose statements
 *       name the columns, reopen with the new ones; a change it cannot follow safely stops the job;
 *   <li>{@code ignore}: columns the table lacks are not written, values it cannot hold go to the
 *       dead letters;
 *   <li>{@code fail}: the job stops, without restarting, naming the table, the column and what to do.
 * </ul>
 *
 * In every mode a value PostgreSQL can store in no column (text with NUL), a null for a NOT NULL
 * column, a value that does not fit although the source's type did not widen, or a row that
 * violates a CHECK constraint the table's owner added, goes to the dead letters, counted in
 * {@code warehouse.deadLetters}, and the pipeline goes on.
 */
final class WarehouseRouter extends ProcessFunction<ChangeEvent, ChangeEvent> implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;
    static final String STAGE = "warehouse";
    private static final String KEEPS_PREVIOUS = "; the warehouse row keeps its previous version";

    private final HashMap<TableId, WarehouseTable> tables;
    private final HashMap<TableId, OutputTag<ChangeEvent>> tags;
    private final OutputTag<DeadLetter> deadLetterTag;
    private final SchemaChangeMode mode;
    private final SchemaAccess access;

    private transient Map<TableId, LiveTable> live;
    private transient ListState<Tuple3<String, String, Integer>> recordedIdsState;
    private transient RecordedColumnIds recordedIds;
    private transient PlanningMemory memory;
    private transient Counter deadLetters;

    WarehouseRouter(List<WarehouseTable> tables, Map<TableId, OutputTag<ChangeEvent>> tags, OutputTag<DeadLetter> deadLetterTag,
            SchemaChangeMode mode, SchemaAccess access) {
        this.tables = new HashMap<>(tables.stream().collect(Collectors.toMap(WarehouseTable::source, table -> table)));
        this.tags = new HashMap<>(tags);
        this.deadLetterTag = deadLetterTag;
        this.mode = mode;
        this.access = access;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        // Union state: every subtask gets every entry back, whatever the parallelism.
        recordedIdsState = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>("source-column-ids", RecordedColumnIds.ENTRY_TYPE));
        recordedIds = RecordedColumnIds.restore(recordedIdsState.get(), tables.keySet());
    }

    @Override
    public void open(OpenContext openContext) throws SQLException {
        deadLetters = getRuntimeContext().getMetricGroup().addGroup(WriteLatency.METRIC_GROUP).counter("deadLetters");
        live = access.readWarehouse(tables.values());
        memory = new PlanningMemory();
        if (mode != SchemaChangeMode.IGNORE) {
            access.sourceColumnIds(tables.keySet()).forEach((table, ids) -> recordedIds.update(table, live.get(table), ids));
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        recordedIdsState.update(recordedIds.entries());
    }

    @Override
    public void processElement(ChangeEvent change, Context context, Collector<ChangeEvent> out) throws SQLException {
        if (!tags.containsKey(change.table())) {
            throw new IllegalStateException("No warehouse table for a change of " + change.table());
        }
        route(change, context, context.timerService().currentProcessingTime(), true);
    }

    private void route(ChangeEvent change, Context context, long now, boolean mayPlan) throws SQLException {
        TableId id = change.table();
        ChangeEvent routed = memory.apply(change, now);
        LiveTable table = live.get(id);
        Map<String, Object> row = routed.latestRow();
        Optional<String> unstorable = WarehouseValues.problemOf(row, table);
        if (unstorable.isPresent()) {
            deadLetter(change, unstorable.get(), context, now);
            return;
        }
        boolean unknownColumns = !table.columnNames().containsAll(row.keySet());
        boolean lacksRequired = !row.keySet().containsAll(table.requiredColumns());
        Map<String, String> notFitting = WarehouseValues.notFitting(row, table);
        if (!unknownColumns && !lacksRequired && notFitting.isEmpty()) {
            write(change, routed, table, context, now);
        } else if (mode == SchemaChangeMode.IGNORE) {
            leaveTableAsItIs(change, routed, table, notFitting, lacksRequired, context, now);
        } else if (!unknownColumns && !lacksRequired && memory.allNotWidening(id, notFitting.keySet(), now)) {
            deadLetter(change, valueReasons(notFitting), context, now);
        } else {
            follow(change, routed, table, context, now, mayPlan);
        }
    }

    private void leaveTableAsItIs(ChangeEvent change, ChangeEvent routed, LiveTable table, Map<String, String> notFitting,
            boolean lacksRequired, Context context, long now) throws SQLException {
        if (!notFitting.isEmpty()) {
            deadLetter(change, valueReasons(notFitting) + " (pipeline.schema-changes: ignore)", context, now);
        } else if (lacksRequired) {
            deadLetter(change, "the change has no value for a column that is NOT NULL in the warehouse table " + table.qualifiedName()
                    + " (dropped at the source?)" + KEEPS_PREVIOUS + " (pipeline.schema-changes: ignore)", context, now);
        } else {
            write(change, RowRewrite.keepOnly(routed, table.columnNames()), table, context, now);
        }
    }

    /** Asks the source what changed, and evolves the warehouse table, stops, or sets the change aside. */
    private void follow(ChangeEvent change, ChangeEvent routed, LiveTable table, Context context, long now, boolean mayPlan)
            throws SQLException {
        TableId id = change.table();
        SourceSchema source = access.describeSource(id);
        Map<String, Integer> ids = recordedIds.of(id);
        EvolutionPlan plan = EvolutionPlanner.plan(table, source, routed.latestRow(), ids);
        if (plan.stop().isPresent()) {
            throw stop(id, table, plan.stop().get());
        }
        if (!plan.changes().isEmpty()) {
            if (mode == SchemaChangeMode.FAIL) {
                throw stop(id, table, plan.happened() + ". The pipeline stops because pipeline.schema-changes is fail; to go on,"
                        + " bring the warehouse table up to the source table yourself, or set pipeline.schema-changes to evolve"
                        + " (the warehouse table follows the source) or ignore (it stays as it is)");
            }
            EvolutionPlan applied = access.evolve(tables.get(id), source, routed.latestRow(), ids);
            if (applied.stop().isPresent()) {
                throw stop(id, table, applied.stop().get());
            }
            // Also when another router applied it first: this subtask's writers still have the old columns.
            throw new WarehouseEvolvedException(table.qualifiedName(), plan.done());
        }
        if (mayPlan && (!plan.aliases().isEmpty() || !plan.ignoredColumns().isEmpty())) {
            memory.rememberAliases(id, plan.aliases(), now);
            memory.rememberIgnored(id, plan.ignoredColumns(), now);
            route(change, context, now, false);
        } else if (!plan.deadLetters().isEmpty()) {
            memory.rememberNotWidening(id, plan.deadLetters().keySet(), now);
            deadLetter(change, valueReasons(plan.deadLetters()), context, now);
        } else {
            write(change, routed, table, context, now);
        }
    }

    /**
     * To the table's writer, unless the row violates a CHECK constraint its owner added to the
     * table: then to the dead letters, since the row would fail its whole batch again on every
     * restart. A hard delete removes the row, which no CHECK constrains.
     */
    private void write(ChangeEvent change, ChangeEvent routed, LiveTable table, Context context, long now) throws SQLException {
        if (!table.checks().isEmpty() && !removesRow(change, routed)) {
            List<CheckConstraint> violated = access.violatedChecks(table, routed.latestRow());
            if (!violated.isEmpty()) {
                deadLetter(change, violated.stream()
                        .map(check -> "violates CHECK constraint \"" + check.name() + "\" " + check.expression())
                        .collect(Collectors.joining("; ")) + " of the warehouse table " + table.qualifiedName() + KEEPS_PREVIOUS,
                        context, now);
                return;
            }
        }
        context.output(tags.get(change.table()), routed);
    }

    private boolean removesRow(ChangeEvent change, ChangeEvent routed) {
        return routed.operation() == Operation.DELETE && tables.get(change.table()).deleteMode() == DeleteMode.HARD;
    }

    @Override
    public void close() throws Exception {
        access.close();
        super.close();
    }

    private static String valueReasons(Map<String, String> problems) {
        return problems.entrySet().stream().map(problem -> "column '" + problem.getKey() + "' " + problem.getValue())
                .collect(Collectors.joining("; ")) + KEEPS_PREVIOUS;
    }

    private void deadLetter(ChangeEvent change, String reason, Context context, long now) {
        deadLetters.inc();
        context.output(deadLetterTag, DeadLetter.of(STAGE, reason, change, now));
    }

    private static SuppressRestartsException stop(TableId id, LiveTable table, String why) {
        return new SuppressRestartsException(new SchemaChangeStoppedException("Schema change of " + id + " (warehouse table "
                + table.qualifiedName() + "): " + why + ". Then resume the pipeline from its last checkpoint"
                + " (flink: execution.state-recovery.path)."));
    }
}
