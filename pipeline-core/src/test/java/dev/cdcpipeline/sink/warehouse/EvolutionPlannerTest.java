package dev.cdcpipeline.sink.warehouse;

import static dev.cdcpipeline.change.ChangeEvents.ORDERS;
import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Each kind of source schema change, and the DDL, stop, alias or dead letter it becomes. */
class EvolutionPlannerTest {

    private static final String TABLE = "\"mirror\".\"shop_orders\"";

    /** The warehouse table as created from (id bigint key, amount int, note varchar(20)). */
    private static final LiveTable WAREHOUSE = live(
            key("id", "bigint"), column("amount", "integer"), column("note", "varchar(20)"));

    @Test
    void anAddedColumnIsAddedWithItsTypeAsAtCreation() {
        EvolutionPlan plan = plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("amount", "int"),
                sourceColumn("note", "varchar", 20), sourceColumn("channel", "varchar", 12)),
                row("id", 1L, "amount", 5L, "note", "n", "channel", "web"));

        assertThat(ddl(plan)).containsExactly("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS \"channel\" varchar(12)");
        assertThat(plan.done()).isEqualTo("added column channel");
        assertThat(plan.stop()).isEmpty();
    }

    @Test
    void anAddedColumnCarriesTheSourcesConstantDefaultSoThatExistingRowsMatch() {
        SourceSchema source = new SourceSchema(table(sourceColumn("id", "bigint"), sourceColumn("amount", "int"),
                sourceColumn("note", "varchar", 20), sourceColumn("status", "varchar", 10), sourceColumn("seen", "timestamp")),
                Map.of("status", "it's new", "seen", "2026-01-01 00:00:00"), Map.of());

        EvolutionPlan plan = EvolutionPlanner.plan(WAREHOUSE, source,
                row("id", 1L, "amount", 5L, "note", "n", "status", "x", "seen", null), Map.of());

        assertThat(ddl(plan)).containsExactly(
                "ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS \"status\" varchar(10) DEFAULT CAST('it''s new' AS varchar(10))",
                // A zoned default would be read in the warehouse session's zone, not the source's: not carried.
                "ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS \"seen\" timestamptz(0)");
    }

    @Test
    void aValueThatNeedsTheSourcesWiderTypeWidensTheColumn() {
        EvolutionPlan plan = plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("amount", "bigint"),
                sourceColumn("note", "varchar", 20)), row("id", 1L, "amount", 3_000_000_000L, "note", "n"));

        assertThat(ddl(plan)).containsExactly("ALTER TABLE " + TABLE + " ALTER COLUMN \"amount\" TYPE bigint USING \"amount\"::bigint");
        assertThat(plan.done()).isEqualTo("widened column amount from integer to bigint");
    }

    @Test
    void aDecimalGetsRoomForTheIntegerDigitsItHadAndTheFractionDigitsItGot() {
        LiveTable warehouse = live(key("id", "bigint"), column("price", "numeric(10,2)"));
        EvolutionPlan plan = plan(warehouse, source(Map.of(), sourceColumn("id", "bigint"), decimal("price", 10, 4)),
                row("id", 1L, "price", new BigDecimal("1.2345")));

        assertThat(ddl(plan)).containsExactly(
                "ALTER TABLE " + TABLE + " ALTER COLUMN \"price\" TYPE numeric(12,4) USING \"price\"::numeric(12,4)");
    }

    @Test
    void aTypeChangeThatIsNoSafeWideningStopsWithWhatToDo() {
        EvolutionPlan plan = plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("amount", "varchar", 10),
                sourceColumn("note", "varchar", 20)), row("id", 1L, "amount", "ten", "note", "n"));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.stop()).contains("column 'amount' is varchar(10) at the source and integer in the warehouse: no type holds"
                + " both exactly that PostgreSQL can convert every stored value to, so the pipeline leaves the column alone. Change"
                + " its type yourself (ALTER TABLE " + TABLE + " ALTER COLUMN \"amount\" TYPE ... USING ...), or set"
                + " pipeline.schema-changes: ignore (values that do not fit go to the dead letters)");
    }

    @Test
    void aValueThatDoesNotFitAlthoughTheSourceTypeDidNotWidenIsADeadLetter() {
        EvolutionPlan plan = plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("amount", "int"),
                sourceColumn("note", "varchar", 20)), row("id", 1L, "amount", 5L, "note", "x".repeat(21)));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.stop()).isEmpty();
        assertThat(plan.deadLetters()).containsExactly(Map.entry("note", "holds a value that is longer than varchar(20) holds"));
    }

    @Test
    void onPostgresARenamedColumnKeepsItsAttnumAndIsRenamed() {
        SourceSchema source = new SourceSchema(table(sourceColumn("id", "bigint"), sourceColumn("total", "int"),
                sourceColumn("note", "varchar", 20)), Map.of(), Map.of("id", 1, "total", 2, "note", 3));

        EvolutionPlan plan = EvolutionPlanner.plan(WAREHOUSE, source, row("id", 1L, "total", 5L, "note", "n"),
                Map.of("id", 1, "amount", 2, "note", 3));

        assertThat(ddl(plan)).containsExactly("ALTER TABLE " + TABLE + " RENAME COLUMN \"amount\" TO \"total\"");
        assertThat(plan.done()).isEqualTo("renamed column amount to total");
    }

    @Test
    void onPostgresANewAttnumIsAnAddedColumnAndTheDroppedOneStays() {
        SourceSchema source = new SourceSchema(table(sourceColumn("id", "bigint"), sourceColumn("total", "int"),
                sourceColumn("note", "varchar", 20)), Map.of(), Map.of("id", 1, "total", 4, "note", 3));

        EvolutionPlan plan = EvolutionPlanner.plan(WAREHOUSE, source, row("id", 1L, "total", 5L, "note", "n"),
                Map.of("id", 1, "amount", 2, "note", 3));

        assertThat(ddl(plan)).containsExactly("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS \"total\" integer");
        assertThat(plan.stop()).isEmpty();
    }

    @Test
    void withoutAttnumsAColumnOfTheSameTypeInTheDroppedOnesPlaceStopsInsteadOfGuessing() {
        EvolutionPlan plan = plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("total", "int"),
                sourceColumn("note", "varchar", 20)), row("id", 1L, "total", 5L, "note", "n"));

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.stop()).contains("column 'amount' is gone from the source table, and column 'total' of the same type"
                + " (integer) took its place: a rename, or a drop and an add, which the source's catalog cannot tell apart, and"
                + " the pipeline does not guess. If it was a rename, rename the warehouse column yourself (ALTER TABLE " + TABLE
                + " RENAME COLUMN \"amount\" TO \"total\"); if it was a drop and an add, add the column yourself (ALTER TABLE "
                + TABLE + " ADD COLUMN \"total\" integer); or set pipeline.schema-changes: ignore to leave the warehouse table"
                + " as it is");
    }

    @Test
    void withoutAttnumsAColumnAddedElsewhereOrOfAnotherTypeIsAnAdd() {
        EvolutionPlan atTheEnd = plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("note", "varchar", 20),
                sourceColumn("total", "int")), row("id", 1L, "note", "n", "total", 5L));
        EvolutionPlan otherType = plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("total", "bigint"),
                sourceColumn("note", "varchar", 20)), row("id", 1L, "total", 5L, "note", "n"));

        assertThat(ddl(atTheEnd)).containsExactly("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS \"total\" integer");
        assertThat(ddl(otherType)).containsExactly("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS \"total\" bigint");
    }

    @Test
    void aDroppedColumnStaysAndOnlyLosesNotNull() {
        LiveTable warehouse = live(key("id", "bigint"), notNull("amount", "integer"),
                column("note", "varchar(20)"));
        SourceSchema source = source(Map.of(), sourceColumn("id", "bigint"));

        EvolutionPlan plan = EvolutionPlanner.plan(warehouse, source, row("id", 1L), Map.of());

        assertThat(ddl(plan)).containsExactly("ALTER TABLE " + TABLE + " ALTER COLUMN \"amount\" DROP NOT NULL");
        assertThat(plan.done()).isEqualTo("made column amount nullable");
    }

    @Test
    void aDroppedPrimaryKeyColumnStops() {
        EvolutionPlan plan = plan(WAREHOUSE, source(Map.of(), sourceColumn("code", "varchar", 5), sourceColumn("amount", "int"),
                sourceColumn("note", "varchar", 20)), row("code", "A", "amount", 5L, "note", "n"));

        assertThat(plan.stop().orElseThrow()).startsWith("primary key column 'id' is gone from the source table");
    }

    @Test
    void aChangeFromBeforeARenameIsWrittenUnderTheNewNameAndOneFromBeforeADropWithoutTheColumn() {
        LiveTable renamed = live(key("id", "bigint"), column("total", "integer"),
                column("note", "varchar(20)"), withDefault("channel", "text"));
        SourceSchema source = source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("total", "int"),
                sourceColumn("note", "varchar", 20), sourceColumn("channel", "text"));

        EvolutionPlan beforeRename = EvolutionPlanner.plan(renamed, source, row("id", 1L, "amount", 5L, "note", "n"), Map.of());
        EvolutionPlan beforeDrop = EvolutionPlanner.plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"),
                sourceColumn("amount", "int"), sourceColumn("note", "varchar", 20)),
                row("id", 1L, "amount", 5L, "note", "n", "legacy", 1L), Map.of());

        assertThat(beforeRename.changes()).isEmpty();
        assertThat(beforeRename.aliases()).containsExactly(Map.entry("amount", "total"));
        assertThat(beforeDrop.changes()).isEmpty();
        assertThat(beforeDrop.ignoredColumns()).containsExactly("legacy");
    }

    @Test
    void aChangeFromBeforeAnAddedColumnNeedsNothing() {
        LiveTable evolved = live(key("id", "bigint"), column("amount", "integer"),
                column("note", "varchar(20)"), withDefault("status", "text"));
        SourceSchema source = source(Map.of("status", "new"), sourceColumn("id", "bigint"), sourceColumn("amount", "int"),
                sourceColumn("note", "varchar", 20), sourceColumn("status", "text"));

        EvolutionPlan plan = EvolutionPlanner.plan(evolved, source, row("id", 1L, "amount", 5L, "note", "n"), Map.of());

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.stop()).isEmpty();
        assertThat(plan.deadLetters()).isEmpty();
        assertThat(plan.aliases()).isEmpty();
    }

    @Test
    void aColumnOfATypeThePipelineDoesNotCarryStops() {
        EvolutionPlan plan = plan(WAREHOUSE, source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("amount", "int"),
                sourceColumn("note", "varchar", 20), sourceColumn("shape", "geometry")), row("id", 1L, "shape", "x"));

        assertThat(plan.stop()).contains("column 'shape' was added with type geometry, which the pipeline does not carry; drop the"
                + " column at the source or leave the table out of the pipeline");
    }

    @Test
    void planningAgainOnTheEvolvedTableFindsNothingToDo() {
        SourceSchema source = source(Map.of(), sourceColumn("id", "bigint"), sourceColumn("amount", "bigint"),
                sourceColumn("note", "varchar", 20), sourceColumn("channel", "text"));
        Map<String, Object> row = row("id", 1L, "amount", 3_000_000_000L, "note", "n", "channel", "web");
        EvolutionPlan first = plan(WAREHOUSE, source, row);

        List<LiveColumn> columns = new ArrayList<>(WAREHOUSE.columns());
        columns.set(1, column("amount", "bigint"));
        columns.add(column("channel", "text"));
        EvolutionPlan again = plan(new LiveTable("mirror", "shop_orders", columns), source, row);

        assertThat(first.changes()).hasSize(2);
        assertThat(again.changes()).isEmpty();
        assertThat(again.stop()).isEmpty();
    }

    private static EvolutionPlan plan(LiveTable warehouse, SourceSchema source, Map<String, Object> row) {
        return EvolutionPlanner.plan(warehouse, source, row, Map.of());
    }

    private static List<String> ddl(EvolutionPlan plan) {
        return plan.changes().stream().map(change -> change.ddl(TABLE)).toList();
    }

    private static LiveTable live(LiveColumn... columns) {
        return new LiveTable("mirror", "shop_orders", List.of(columns));
    }

    private static LiveColumn key(String name, String type) {
        return new LiveColumn(name, ColumnType.parse(type), true, null, true);
    }

    private static LiveColumn column(String name, String type) {
        return new LiveColumn(name, ColumnType.parse(type), false, null, false);
    }

    private static LiveColumn notNull(String name, String type) {
        return new LiveColumn(name, ColumnType.parse(type), true, null, false);
    }

    private static LiveColumn withDefault(String name, String type) {
        return new LiveColumn(name, ColumnType.parse(type), false, "'x'::text", false);
    }

    private static SourceSchema source(Map<String, String> defaults, SourceColumn... columns) {
        return new SourceSchema(table(columns), defaults, Map.of());
    }

    private static SourceTable table(SourceColumn... columns) {
        List<String> key = Arrays.stream(columns).anyMatch(column -> column.name().equals("id")) ? List.of("id") : List.of("code");
        return new SourceTable(ORDERS, List.of(columns), key);
    }

    private static SourceColumn sourceColumn(String name, String dataType) {
        return sourceColumn(name, dataType, 0);
    }

    private static SourceColumn sourceColumn(String name, String dataType, long length) {
        return new SourceColumn(name, dataType, false, length, 0, 0, 0, true, false);
    }

    private static SourceColumn decimal(String name, int precision, int scale) {
        return new SourceColumn(name, "decimal", false, 0, precision, scale, 0, true, false);
    }
}
