package dev.cdcpipeline.features;

import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.ChangeEvents;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.FeatureWindow;
import dev.cdcpipeline.config.TablePattern;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class FeatureAggregatorTest {

    private static final long T = 1_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private static final SourceTable TABLE = new SourceTable(ChangeEvents.ORDERS, List.of(
            column("id", "bigint"), column("customer", "varchar"), column("qty", "int"), column("amount", "decimal"),
            column("ratio", "double"), column("status", "varchar"), column("day", "date"), column("flag", "boolean"),
            column("attrs", "json")), List.of("id"));

    @Test
    void withNoRowsCountsAndSumsAreZeroOfTheColumnsKindAndTheRestNull() {
        Map<String, Object> values = aggregator(
                agg(AggregateFunction.COUNT, null), agg(AggregateFunction.COUNT, "qty"), agg(AggregateFunction.SUM, "qty"),
                agg(AggregateFunction.SUM, "amount"), agg(AggregateFunction.SUM, "ratio"), agg(AggregateFunction.AVG, "amount"),
                agg(AggregateFunction.MIN, "day"), agg(AggregateFunction.MAX, "status"),
                agg(AggregateFunction.LATEST, "status"), agg(AggregateFunction.COUNT_DISTINCT, "status"))
                .compute(List.of(), T);

        Map<String, Object> expected = new HashMap<>();
        expected.put("count_1h", 0L);
        expected.put("count_qty_1h", 0L);
        expected.put("sum_qty_1h", 0L);
        expected.put("sum_amount_1h", BigDecimal.ZERO);
        expected.put("sum_ratio_1h", 0.0d);
        expected.put("avg_amount_1h", null);
        expected.put("min_day_1h", null);
        expected.put("max_status_1h", null);
        expected.put("latest_status_1h", null);
        expected.put("count_distinct_status_1h", 0L);
        assertThat(values).hasSize(20).containsAllEntriesOf(expected);
    }

    @Test
    void aWindowHoldsTheRowsAfterItsStartUpToAndIncludingItsEnd() {
        List<TimedRow> rows = List.of(at(T - HOUR, 1, row("qty", 1L)), at(T - HOUR + 1, 2, row("qty", 10L)),
                at(T, 3, row("qty", 100L)), at(T + 1, 4, row("qty", 1000L)));

        Map<String, Object> values = aggregator(agg(AggregateFunction.SUM, "qty")).compute(rows, T);

        assertThat(values).containsEntry("sum_qty_1h", 110L).containsEntry("sum_qty_24h", 111L);
    }

    @Test
    void averagesOfIntegersAndDecimalsAreExactDecimalsRoundedHalfEven() {
        List<TimedRow> ones = new ArrayList<>();
        ones.add(at(T, 0, row("qty", 1L, "amount", new BigDecimal("1.5"))));
        for (int i = 1; i < 32; i++) {
            ones.add(at(T, i, row("qty", 0L, "amount", new BigDecimal("0.00"))));
        }

        Map<String, Object> values = aggregator(agg(AggregateFunction.AVG, "qty"), agg(AggregateFunction.AVG, "amount"))
                .compute(ones, T);

        // 1/32 = 0.03125: four digits for integers, the tie goes to the even 0.0312.
        assertThat(values.get("avg_qty_1h")).isEqualTo(new BigDecimal("0.0312"));
        // 1.5/32 = 0.046875: the largest scale (2) plus four digits.
        assertThat(values.get("avg_amount_1h")).isEqualTo(new BigDecimal("0.046875"));
    }

    @Test
    void averagesOfDoublesAreDoublesAndNullsAreSkipped() {
        List<TimedRow> rows = Arrays.asList(at(T, 1, row("ratio", 0.5d)), at(T, 2, row("ratio", 1.0d)),
                at(T, 3, row("ratio", null)));

        Map<String, Object> values = aggregator(agg(AggregateFunction.AVG, "ratio"), agg(AggregateFunction.COUNT, "ratio"),
                agg(AggregateFunction.COUNT, null)).compute(rows, T);

        assertThat(values).containsEntry("avg_ratio_1h", 0.75d).containsEntry("count_ratio_1h", 2L)
                .containsEntry("count_1h", 3L);
    }

    @Test
    void minAndMaxUseNaturalOrderAndDecimalsCompareByValue() {
        List<TimedRow> rows = List.of(
                at(T - 3, 1, row("amount", new BigDecimal("1.0"), "status", "b", "day", LocalDate.of(2024, 1, 2), "flag", true)),
                at(T - 2, 2, row("amount", new BigDecimal("1.00"), "status", "a", "day", LocalDate.of(2023, 12, 31), "flag", false)),
                at(T - 1, 3, row("amount", new BigDecimal("0.90"), "status", "c", "day", LocalDate.of(2024, 2, 1), "flag", true)));

        Map<String, Object> values = aggregator(agg(AggregateFunction.MIN, "amount"), agg(AggregateFunction.MAX, "amount"),
                agg(AggregateFunction.MIN, "status"), agg(AggregateFunction.MAX, "day"), agg(AggregateFunction.MIN, "flag"))
                .compute(rows, T);

        assertThat(values).containsEntry("min_amount_1h", new BigDecimal("0.90"))
                .containsEntry("max_amount_1h", new BigDecimal("1.0"))
                .containsEntry("min_status_1h", "a")
                .containsEntry("max_day_1h", LocalDate.of(2024, 2, 1))
                .containsEntry("min_flag_1h", false);
    }

    @Test
    void latestIsTheValueOfTheNewestRowThenTheLaterSourcePositionEvenIfNull() {
        List<TimedRow> tie = List.of(at(T - 5, 9, row("status", "old")), at(T - 1, 7, row("status", "second")),
                at(T - 1, 8, row("status", "newest")));
        Map<String, Object> newestNull = new HashMap<>();
        newestNull.put("status", null);
        List<TimedRow> withNull = List.of(at(T - 5, 1, row("status", "old")), at(T - 1, 2, newestNull));

        FeatureAggregator latest = aggregator(agg(AggregateFunction.LATEST, "status"));

        List<TimedRow> reversed = new ArrayList<>(tie);
        Collections.reverse(reversed);
        assertThat(latest.compute(reversed, T)).containsEntry("latest_status_1h", "newest");
        assertThat(latest.compute(withNull, T)).containsEntry("latest_status_1h", null);
    }

    @Test
    void countDistinctCountsNonNullValuesAndDecimalsByValue() {
        List<TimedRow> rows = Arrays.asList(at(T, 1, row("amount", new BigDecimal("1.0"))),
                at(T, 2, row("amount", new BigDecimal("1.00"))), at(T, 3, row("amount", new BigDecimal("2"))),
                at(T, 4, row("amount", null)));

        assertThat(aggregator(agg(AggregateFunction.COUNT_DISTINCT, "amount")).compute(rows, T))
                .containsEntry("count_distinct_amount_1h", 2L);
    }

    @Test
    void featuresComeInTheViewsOrder() {
        Map<String, Object> values = aggregator(agg(AggregateFunction.SUM, "qty"), agg(AggregateFunction.COUNT, null))
                .compute(List.of(), T);

        assertThat(values.keySet()).containsExactly("sum_qty_1h", "sum_qty_24h", "count_1h", "count_24h");
    }

    @Test
    void anIntegerSumThatOverflowsFailsNamingTheFeature() {
        List<TimedRow> rows = List.of(at(T, 1, row("qty", Long.MAX_VALUE)), at(T, 2, row("qty", 1L)));

        assertThatThrownBy(() -> aggregator(agg(AggregateFunction.SUM, "qty")).compute(rows, T))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("sum_qty_1h");
    }

    @Test
    void aggregatesThatDoNotFitTheirColumnAreRejectedWhenTheViewIsBuilt() {
        assertThatThrownBy(() -> aggregator(agg(AggregateFunction.SUM, "status")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'status'");
        assertThatThrownBy(() -> aggregator(agg(AggregateFunction.MAX, "attrs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'attrs'");
    }

    private static FeatureAggregator aggregator(AggregateSettings... aggregates) {
        FeatureViewSettings settings = new FeatureViewSettings("v", TablePattern.parse("shop.orders"), null, "customer",
                null, ZoneId.of("UTC"), List.of(FeatureWindow.parse("1h"), FeatureWindow.parse("24h")), Duration.ZERO,
                List.of(aggregates));
        return FeatureAggregator.of(new FeatureView(settings, TABLE, null));
    }

    private static AggregateSettings agg(AggregateFunction function, String column) {
        String name = function.name().toLowerCase() + (column == null ? "" : "_" + column);
        return new AggregateSettings(name, function, column);
    }

    private static TimedRow at(long eventTime, long offset, Map<String, Object> values) {
        return new TimedRow(values, eventTime, new SourcePosition(1, offset, 0));
    }

    private static SourceColumn column(String name, String type) {
        return new SourceColumn(name, type, false, 0, 0, 0, 0, true, false);
    }
}
