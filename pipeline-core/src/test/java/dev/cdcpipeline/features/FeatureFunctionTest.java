package dev.cdcpipeline.features;

import static dev.cdcpipeline.features.Orders.HOUR;
import static dev.cdcpipeline.features.Orders.at;
import static dev.cdcpipeline.features.Orders.delete;
import static dev.cdcpipeline.features.Orders.insert;
import static dev.cdcpipeline.features.Orders.order;
import static dev.cdcpipeline.features.Orders.snapshotRead;
import static dev.cdcpipeline.features.Orders.update;
import static dev.cdcpipeline.features.Orders.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

class FeatureFunctionTest {

    private FeaturePipelineHarness pipeline;

    @AfterEach
    void closePipeline() throws Exception {
        pipeline.close();
    }

    @Test
    void aRowLeavingTheShortWindowEmitsAtExactlyItsEndWithoutAChange() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        pipeline.at(at(0)).process(insert(order(1, "A", "10.00", 1, "new", "p1", -10), 10),
                insert(order(2, "A", "5.00", 1, "new", "p1", -20), 20));
        assertThat(last(pipeline.newRecords()).features()).containsEntry("orders_1h", 2L).containsEntry("orders_24h", 2L);

        pipeline.at(at(39) + 59_999);
        assertThat(pipeline.newRecords()).isEmpty();

        pipeline.at(at(40));
        FeatureRecord leaving = single(pipeline.newRecords());
        assertThat(leaving.validAtMillis()).isEqualTo(at(40));
        assertThat(leaving.features()).containsEntry("orders_1h", 1L).containsEntry("spend_1h", new BigDecimal("10.00"))
                .containsEntry("orders_24h", 2L).containsEntry("spend_24h", new BigDecimal("15.00"));
        assertThat(leaving.last()).isFalse();
    }

    @Test
    void theLastRowLeavingTheLongestWindowEndsTheEntityAndItsState() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        pipeline.at(at(0)).process(insert(order(1, "A", "10.00", 1, "new", "p1", -10), 10));
        assertThat(pipeline.stateEntries()).isEqualTo(1);
        assertThat(pipeline.timers()).isEqualTo(2);
        pipeline.newRecords();

        pipeline.at(at(-10) + 24 * HOUR);

        List<FeatureRecord> records = pipeline.newRecords();
        assertThat(records).extracting(FeatureRecord::validAtMillis).containsExactly(at(50), at(-10) + 24 * HOUR);
        FeatureRecord end = records.get(1);
        assertThat(end.last()).isTrue();
        assertThat(end.features()).containsEntry("orders_24h", 0L).containsEntry("spend_24h", BigDecimal.ZERO)
                .containsEntry("items_24h", 0L).containsEntry("products_24h", 0L)
                .containsEntry("avg_amount_24h", null).containsEntry("status_24h", null).containsEntry("largest_24h", null);
        assertThat(pipeline.stateEntries()).isZero();
        assertThat(pipeline.timers()).isZero();
    }

    @Test
    void deletingTheLastRowEndsTheEntityAndDeletesItsTimers() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        Map<String, Object> o1 = order(1, "A", "10.00", 1, "new", "p1", 30);
        pipeline.at(at(0)).process(insert(o1, 10));
        assertThat(pipeline.timers()).isEqualTo(3);

        pipeline.at(at(1)).process(delete(o1, 20));

        assertThat(last(pipeline.newRecords()).last()).isTrue();
        assertThat(pipeline.stateEntries()).isZero();
        assertThat(pipeline.timers()).isZero();
    }

    @Test
    void rowsSharingAMomentKeepItsTimerUntilTheLastOfThemGoes() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        Map<String, Object> o1 = order(1, "A", "10.00", 1, "new", "p1", -10);
        Map<String, Object> o2 = order(2, "A", "20.00", 1, "new", "p1", -10);
        pipeline.at(at(0)).process(insert(o1, 10), insert(o2, 20), delete(o1, 30));
        assertThat(pipeline.timers()).isEqualTo(2);
        pipeline.newRecords();

        pipeline.at(at(50));

        assertThat(single(pipeline.newRecords()).features()).containsEntry("orders_1h", 0L).containsEntry("orders_24h", 1L);
    }

    @Test
    void aChangedEventTimeMovesTheRowsTimers() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        Map<String, Object> o1 = order(1, "A", "10.00", 1, "new", "p1", -10);
        pipeline.at(at(0)).process(insert(o1, 10), update(o1, with(o1, "created_at", Orders.created(-20)), 20));
        assertThat(pipeline.timers()).isEqualTo(2);
        pipeline.newRecords();

        pipeline.at(at(45));

        assertThat(single(pipeline.newRecords()).validAtMillis()).isEqualTo(at(40));
    }

    @Test
    void aMoveRetractsFromTheOldEntityAndAddsToTheNewOne() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        Map<String, Object> o1 = order(1, "A", "10.00", 1, "new", "p1", -10);
        Map<String, Object> o2 = order(2, "A", "20.00", 2, "paid", "p2", -5);
        pipeline.at(at(0)).process(insert(o1, 10), insert(o2, 20));
        pipeline.newRecords();

        pipeline.at(at(1)).process(update(o2, with(o2, "customer", "B"), 30));

        List<FeatureRecord> moved = pipeline.newRecords();
        assertThat(moved).extracting(FeatureRecord::entity).containsExactly("A", "B");
        assertThat(moved.get(0).features()).containsEntry("orders_24h", 1L).containsEntry("spend_24h", new BigDecimal("10.00"))
                .containsEntry("status_24h", "new");
        assertThat(moved.get(1).features()).containsEntry("orders_24h", 1L).containsEntry("spend_24h", new BigDecimal("20.00"))
                .containsEntry("status_24h", "paid");

        pipeline.at(at(2)).process(update(o1, with(o1, "customer", "B"), 40));

        List<FeatureRecord> emptied = pipeline.newRecords();
        assertThat(emptied).extracting(FeatureRecord::entity, FeatureRecord::last)
                .containsExactly(tuple("A", true), tuple("B", false));
        assertThat(emptied.get(1).features()).containsEntry("orders_24h", 2L).containsEntry("spend_24h", new BigDecimal("30.00"));
        // B's rows (one map) and their four timers (each row leaves two windows); nothing of A.
        assertThat(pipeline.stateEntries()).isEqualTo(1);
        assertThat(pipeline.timers()).isEqualTo(4);
    }

    @Test
    void anEntityThatHasNoRowsBeforeOrAfterGetsNoRecord() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());

        pipeline.at(at(0)).process(delete(order(1, "A", "10.00", 1, "new", "p1", -10), 10),
                insert(order(2, "B", "10.00", 1, "new", "p1", -25 * 60), 20));

        assertThat(pipeline.newRecords()).isEmpty();
        assertThat(pipeline.stateEntries()).isZero();
        assertThat(pipeline.timers()).isZero();
    }

    @Test
    void aReplayedOrOlderChangeOfARowChangesNothing() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        Map<String, Object> o1 = order(1, "A", "10.00", 1, "new", "p1", -10);
        Map<String, Object> o1b = with(o1, "amount", new BigDecimal("15.00"));
        pipeline.at(at(0)).process(insert(o1, 10), update(o1, o1b, 20));
        pipeline.newRecords();

        pipeline.process(update(o1, o1b, 20), update(o1, with(o1, "amount", new BigDecimal("99.00")), 15));

        assertThat(pipeline.newRecords()).isEmpty();
        pipeline.process(update(o1b, with(o1b, "amount", new BigDecimal("16.00")), 30));
        assertThat(single(pipeline.newRecords()).features()).containsEntry("spend_24h", new BigDecimal("16.00"));
    }

    @Test
    void stateAndTimersReturnToZeroAfterManyEntitiesComeAndGo() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        Set<String> customers = new HashSet<>();
        long offset = 0;
        for (int i = 0; i < 300; i++) {
            long minute = i;
            String customer = "c" + (i % 97);
            customers.add(customer);
            Map<String, Object> row = order(i, customer, i + ".50", i % 7, "new", "p" + (i % 5), minute - (i % 90));
            pipeline.at(at(minute)).process(insert(row, ++offset));
            if (i % 3 == 0) {
                Map<String, Object> moved = with(row, "customer", "c" + ((i + 1) % 97));
                pipeline.process(update(row, moved, ++offset));
                row = moved;
            }
            if (i % 5 == 0) {
                pipeline.process(delete(row, ++offset));
            }
        }
        assertThat(pipeline.stateEntries()).isPositive();
        assertThat(pipeline.timers()).isPositive();

        pipeline.at(at(300 + 24 * 60 + 1));

        assertThat(pipeline.stateEntries()).isZero();
        assertThat(pipeline.timers()).isZero();
        List<FeatureRecord> records = pipeline.newRecords();
        Set<Object> ended = new HashSet<>();
        for (FeatureRecord record : records) {
            if (record.last()) {
                ended.add(record.entity());
            }
        }
        assertThat(ended).isEqualTo(customers);
        assertThat(pipeline.recordsOut()).isEqualTo(records.size());
    }

    @Test
    void rowsAndTimersSurviveARestore() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
        pipeline.at(at(0)).process(insert(order(1, "A", "10.00", 1, "new", "p1", -10), 10),
                insert(order(2, "A", "2.50", 1, "new", "p2", 20), 20),
                insert(order(3, "B", "7.00", 1, "new", "p1", -30), 30));
        int stateEntries = pipeline.stateEntries();
        int timers = pipeline.timers();
        pipeline.newRecords();

        pipeline.restartFeatures();

        assertThat(pipeline.stateEntries()).isEqualTo(stateEntries);
        assertThat(pipeline.timers()).isEqualTo(timers).isEqualTo(7);
        pipeline.at(at(50));
        List<FeatureRecord> afterRestore = pipeline.newRecords();
        assertThat(afterRestore).extracting(FeatureRecord::entity, FeatureRecord::validAtMillis).containsExactly(
                tuple("A", at(20)),
                tuple("B", at(30)),
                tuple("A", at(50)));
        assertThat(afterRestore.get(2).features()).containsEntry("orders_1h", 1L).containsEntry("spend_1h", new BigDecimal("2.50"))
                .containsEntry("orders_24h", 2L).containsEntry("spend_24h", new BigDecimal("12.50"));
    }

    @Test
    void withoutAnEventTimeColumnASnapshotRowKeepsTheTimeItWasRead() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.view(null, OrderViews.ALLOWED_LATENESS, OrderViews.ALL_FUNCTIONS));
        pipeline.at(at(0)).process(snapshotRead(order(1, "A", "10.00", 1, "new", "p1", -3000), 10));
        assertThat(single(pipeline.newRecords()).features()).containsEntry("orders_1h", 1L);

        pipeline.restartFeatures();
        pipeline.at(at(60));

        FeatureRecord leaving = single(pipeline.newRecords());
        assertThat(leaving.validAtMillis()).isEqualTo(at(60));
        assertThat(leaving.features()).containsEntry("orders_1h", 0L).containsEntry("orders_24h", 1L);
    }

    private static FeatureRecord single(List<FeatureRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static FeatureRecord last(List<FeatureRecord> records) {
        assertThat(records).isNotEmpty();
        return records.get(records.size() - 1);
    }
}
