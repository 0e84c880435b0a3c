package dev.cdcpipeline.sink.warehouse;

import static dev.cdcpipeline.change.ChangeEvents.ORDERS;
import static dev.cdcpipeline.change.ChangeEvents.at;
import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.config.DeleteMode;
import dev.cdcpipeline.config.SchemaChangeMode;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The router against a warehouse table as its catalog describes it: what it sends to the table,
 * what it sets aside, and when it evolves the table or stops the job, in each schema-changes mode.
 * The catalogs are in memory here; SchemaChangesITCase runs the same against real servers.
 */
class WarehouseRoutingTest {

    private static final OutputTag<ChangeEvent> ORDERS_TABLE = new OutputTag<>("orders", ChangeEventTypeInfo.INSTANCE);
    private static final WarehouseTable PLANNED = new WarehouseTable(ORDERS, "mirror", "shop_orders", List.of(
            new WarehouseColumn("id", "bigint", true), new WarehouseColumn("amount", "integer", false),
            new WarehouseColumn("note", "text", false), new WarehouseColumn("payload", "jsonb", false),
            new WarehouseColumn("tags", "text[]", false)), DeleteMode.SOFT);
    private static final SourceTable SOURCE_NOW = new SourceTable(ORDERS, List.of(
            column("id", "bigint"), column("amount", "int"), column("note", "text"), column("payload", "json"),
            column("tags", "text"), column("channel", "text")), List.of("id"));

    @Test
    void aValuePostgresCannotStoreGoesToTheDeadLettersAndTheOthersToTheirTable() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = harness(SchemaChangeMode.EVOLVE, new Catalogs())) {
            harness.setProcessingTime(5_000);
            harness.processElement(insert(1, row("id", 1L, "note", "fine")), 0);
            harness.processElement(insert(2, row("id", 2L, "note", "nul\u0000inside")), 0);
            harness.processElement(insert(3, row("id", 3L, "payload", new JsonText("{\"a\":\"\\u0000\"}"))), 0);
            harness.processElement(insert(4, row("id", 4L, "tags", List.of("ok", "x\u0000"))), 0);

            assertThat(written(harness)).extracting(ChangeEvent::key).containsExactly(Map.of("id", 1L));
            List<DeadLetter> deadLetters = deadLetters(harness);
            assertThat(deadLetters).extracting(DeadLetter::stage).containsOnly("warehouse");
            assertThat(deadLetters).extracting(DeadLetter::reason).containsExactly(
                    "column 'note' holds the NUL character (U+0000), which PostgreSQL text and jsonb cannot store;"
                            + " the warehouse row keeps its previous version",
                    "column 'payload' holds the NUL character (U+0000), which PostgreSQL text and jsonb cannot store;"
                            + " the warehouse row keeps its previous version",
                    "column 'tags' holds the NUL character (U+0000), which PostgreSQL text and jsonb cannot store;"
                            + " the warehouse row keeps its previous version");
            assertThat(deadLetters.get(0).failedAtMillis()).isEqualTo(5_000);
        }
    }

    @Test
    void ignoreWritesTheColumnsTheTableHasAndSetsAsideValuesItCannotHold() throws Exception {
        Catalogs catalogs = new Catalogs();
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = harness(SchemaChangeMode.IGNORE, catalogs)) {
            harness.processElement(insert(1, row("id", 1L, "amount", 5L, "channel", "web")), 0);
            harness.processElement(insert(2, row("id", 2L, "amount", 3_000_000_000L)), 0);

            assertThat(written(harness)).extracting(ChangeEvent::after).containsExactly(row("id", 1L, "amount", 5L));
            assertThat(deadLetters(harness)).extracting(DeadLetter::reason).containsExactly(
                    "column 'amount' is outside the range of integer; the warehouse row keeps its previous version"
                            + " (pipeline.schema-changes: ignore)");
            assertThat(catalogs.evolved).isEmpty();
        }
    }

    @Test
    void evolveAltersTheTableAndRestartsTheJobOnAColumnItLacks() throws Exception {
        Catalogs catalogs = new Catalogs();
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = harness(SchemaChangeMode.EVOLVE, catalogs)) {
            assertThatThrownBy(() -> harness.processElement(insert(1, row("id", 1L, "channel", "web")), 0))
                    .isInstanceOf(WarehouseEvolvedException.class)
                    .hasMessage("warehouse table \"mirror\".\"shop_orders\" evolved (added column channel): restarting to write"
                            + " with the new columns");

            assertThat(catalogs.evolved).extracting(EvolutionPlan::changes)
                    .containsExactly(List.of(new SchemaChange.AddColumn("channel", ColumnType.parse("text"), null)));
            assertThat(written(harness)).isEmpty();
        }
    }

    @Test
    void failStopsTheJobWithoutRestartsNamingTheColumnAndTheWayOn() throws Exception {
        Catalogs catalogs = new Catalogs();
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = harness(SchemaChangeMode.FAIL, catalogs)) {
            assertThatThrownBy(() -> harness.processElement(insert(1, row("id", 1L, "channel", "web")), 0))
                    .isInstanceOf(SuppressRestartsException.class)
                    .cause().isInstanceOf(SchemaChangeStoppedException.class)
                    .hasMessage("Schema change of mysql:shop.orders (warehouse table \"mirror\".\"shop_orders\"): column 'channel'"
                            + " was added. The pipeline stops because pipeline.schema-changes is fail; to go on, bring the"
                            + " warehouse table up to the source table yourself, or set pipeline.schema-changes to evolve (the"
                            + " warehouse table follows the source) or ignore (it stays as it is). Then resume the pipeline from"
                            + " its last checkpoint (flink: execution.state-recovery.path).");
            assertThat(catalogs.evolved).isEmpty();
        }
    }

    @Test
    void aValueThatDoesNotFitAlthoughTheSourceDidNotWidenIsSetAsideInEvolve() throws Exception {
        Catalogs catalogs = new Catalogs();
        catalogs.live = new LiveTable("mirror", "shop_orders", List.of(
                new LiveColumn("id", ColumnType.parse("bigint"), true, null, true),
                new LiveColumn("amount", ColumnType.parse("smallint"), false, null, false)));
        catalogs.source = new SourceSchema(new SourceTable(ORDERS, List.of(column("id", "bigint"), column("amount", "smallint")),
                List.of("id")), Map.of(), Map.of());
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = harness(SchemaChangeMode.EVOLVE, catalogs)) {
            harness.processElement(insert(1, row("id", 1L, "amount", 40_000L)), 0);
            harness.processElement(insert(2, row("id", 2L, "amount", 7L)), 0);

            assertThat(deadLetters(harness)).extracting(DeadLetter::reason).containsExactly(
                    "column 'amount' holds a value that is outside the range of smallint;"
                            + " the warehouse row keeps its previous version");
            assertThat(written(harness)).extracting(ChangeEvent::key).containsExactly(Map.of("id", 2L));
            assertThat(catalogs.evolved).isEmpty();
        }
    }

    @Test
    void aChangeFromBeforeARenameTheWarehouseMadeIsWrittenUnderTheNewName() throws Exception {
        Catalogs catalogs = new Catalogs();
        catalogs.live = new LiveTable("mirror", "shop_orders", List.of(
                new LiveColumn("id", ColumnType.parse("bigint"), true, null, true),
                new LiveColumn("total", ColumnType.parse("integer"), false, null, false)));
        catalogs.source = new SourceSchema(new SourceTable(ORDERS, List.of(column("id", "bigint"), column("total", "int")),
                List.of("id")), Map.of(), Map.of());
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = harness(SchemaChangeMode.EVOLVE, catalogs)) {
            harness.processElement(insert(1, row("id", 1L, "amount", 5L)), 0);

            assertThat(written(harness)).extracting(ChangeEvent::after).containsExactly(row("id", 1L, "total", 5L));
            assertThat(catalogs.evolved).isEmpty();
        }
    }

    @Test
    void aPostgresRenameMadeWhileTheJobRestartedIsRecognisedByTheAttnumsInState() throws Exception {
        Catalogs catalogs = new Catalogs();
        catalogs.live = new LiveTable("mirror", "shop_orders", List.of(
                new LiveColumn("id", ColumnType.parse("bigint"), true, null, true),
                new LiveColumn("amount", ColumnType.parse("integer"), false, null, false)));
        catalogs.ids = Map.of("id", 1, "amount", 2);
        OperatorSubtaskState state;
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> before = harness(SchemaChangeMode.EVOLVE, catalogs)) {
            state = before.snapshot(1, 0);
        }

        // Renamed at the source while no router ran: when the next one opens, the source has no column 'amount' any more.
        catalogs.ids = Map.of("id", 1, "total", 2);
        catalogs.source = new SourceSchema(new SourceTable(ORDERS, List.of(column("id", "bigint"), column("total", "int")),
                List.of("id")), Map.of(), catalogs.ids);
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> after = harness(SchemaChangeMode.EVOLVE, catalogs, state)) {
            assertThatThrownBy(() -> after.processElement(insert(1, row("id", 1L, "total", 5L)), 0))
                    .isInstanceOf(WarehouseEvolvedException.class)
                    .hasMessageContaining("(renamed column amount to total)");
        }
    }

    private static OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness(SchemaChangeMode mode, Catalogs catalogs,
            OperatorSubtaskState restored) throws Exception {
        OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = new OneInputStreamOperatorTestHarness<>(
                new ProcessOperator<>(new WarehouseRouter(List.of(PLANNED), Map.of(ORDERS, ORDERS_TABLE),
                        WarehouseChangeSink.DEAD_LETTERS, mode, catalogs)));
        harness.initializeState(restored);
        harness.open();
        return harness;
    }

    private static OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness(SchemaChangeMode mode, Catalogs catalogs)
            throws Exception {
        return ProcessFunctionTestHarnesses.forProcessFunction(new WarehouseRouter(List.of(PLANNED), Map.of(ORDERS, ORDERS_TABLE),
                WarehouseChangeSink.DEAD_LETTERS, mode, catalogs));
    }

    private static List<ChangeEvent> written(OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness) {
        return harness.getSideOutput(ORDERS_TABLE) == null ? List.of()
                : harness.getSideOutput(ORDERS_TABLE).stream().map(StreamRecord::getValue).toList();
    }

    private static List<DeadLetter> deadLetters(OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness) {
        return harness.getSideOutput(WarehouseChangeSink.DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
    }

    private static ChangeEvent insert(long id, Map<String, Object> after) {
        return new ChangeEvent(ORDERS, Operation.INSERT, row("id", id), null, after, at(id), 1_700_000_000_000L);
    }

    @Test
    void aRowThatViolatesACheckConstraintOfTheTableGoesToTheDeadLettersAndTheOthersToTheirTable() throws Exception {
        Catalogs catalogs = new Catalogs();
        LiveTable planned = LiveTable.fromPlan(PLANNED);
        catalogs.live = new LiveTable(planned.schema(), planned.name(), planned.columns(),
                List.of(new CheckConstraint("qty_below_1000", "(amount < 1000)")));
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = harness(SchemaChangeMode.EVOLVE, catalogs)) {
            harness.processElement(insert(1, row("id", 1L, "amount", 5L)), 0);
            harness.processElement(insert(2, row("id", 2L, "amount", 5_000L)), 0);

            assertThat(written(harness)).extracting(ChangeEvent::key).containsExactly(Map.of("id", 1L));
            assertThat(deadLetters(harness)).extracting(DeadLetter::reason).containsExactly(
                    "violates CHECK constraint \"qty_below_1000\" (amount < 1000) of the warehouse table \"mirror\".\"shop_orders\";"
                            + " the warehouse row keeps its previous version");
            assertThat(catalogs.rowsChecked).hasSize(2);
        }
    }

    @Test
    void aTableWithoutCheckConstraintsCostsNoQuery() throws Exception {
        Catalogs catalogs = new Catalogs();
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = harness(SchemaChangeMode.EVOLVE, catalogs)) {
            harness.processElement(insert(1, row("id", 1L, "amount", 5_000L)), 0);

            assertThat(written(harness)).hasSize(1);
            assertThat(catalogs.rowsChecked).isEmpty();
        }
    }

    static SourceColumn column(String name, String dataType) {
        return new SourceColumn(name, dataType, false, 0, 0, 0, 0, true, false);
    }

    /** The warehouse's and the source's catalogs in memory; evolving plans as the real evolver does, and records it. */
    private static final class Catalogs implements SchemaAccess {
        private static final long serialVersionUID = 1L;
        LiveTable live = LiveTable.fromPlan(PLANNED);
        SourceSchema source = new SourceSchema(SOURCE_NOW, Map.of(), Map.of());
        Map<String, Integer> ids = Map.of();
        final List<EvolutionPlan> evolved = new ArrayList<>();
        final List<Map<String, Object>> rowsChecked = new ArrayList<>();

        @Override
        public Map<TableId, LiveTable> readWarehouse(Collection<WarehouseTable> tables) {
            return Map.of(ORDERS, live);
        }

        @Override
        public Map<TableId, Map<String, Integer>> sourceColumnIds(Collection<TableId> tables) {
            return Map.of(ORDERS, ids);
        }

        @Override
        public SourceSchema describeSource(TableId table) {
            return source;
        }

        @Override
        public EvolutionPlan evolve(WarehouseTable table, SourceSchema sourceNow, Map<String, Object> row, Map<String, Integer> ids) {
            EvolutionPlan plan = EvolutionPlanner.plan(live, sourceNow, row, ids);
            evolved.add(plan);
            return plan;
        }

        /** As the warehouse would judge {@code qty_below_1000 (amount < 1000)}, the only check the tests give a table. */
        @Override
        public List<CheckConstraint> violatedChecks(LiveTable table, Map<String, Object> row) {
            rowsChecked.add(row);
            Object amount = row.get("amount");
            return amount != null && ((Number) amount).longValue() >= 1000 ? table.checks() : List.of();
        }
    }
}
