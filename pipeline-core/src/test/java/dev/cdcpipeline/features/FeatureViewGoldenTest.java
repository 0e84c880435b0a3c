package dev.cdcpipeline.features;

import static dev.cdcpipeline.features.Orders.at;
import static dev.cdcpipeline.features.Orders.created;
import static dev.cdcpipeline.features.Orders.delete;
import static dev.cdcpipeline.features.Orders.insert;
import static dev.cdcpipeline.features.Orders.order;
import static dev.cdcpipeline.features.Orders.snapshotRead;
import static dev.cdcpipeline.features.Orders.update;
import static dev.cdcpipeline.features.Orders.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A scripted history of the orders table through both operators of a view (windows 1h and 24h,
 * 2h allowed lateness, every function). After every step, each record emitted must equal what
 * {@link BruteForceFeatures} computes from the rows the source has at that moment, and the step
 * must emit exactly the records listed: (customer, valid at minute).
 */
class FeatureViewGoldenTest {

    private FeaturePipelineHarness pipeline;
    private final BruteForceFeatures source = new BruteForceFeatures();

    @BeforeEach
    void openPipeline() throws Exception {
        pipeline = new FeaturePipelineHarness(OrderViews.customerOrders());
    }

    @AfterEach
    void closePipeline() throws Exception {
        pipeline.close();
    }

    @Test
    void everyRecordEqualsABruteForceRecomputation() throws Exception {
        Map<String, Object> o9 = order(9, "C", "3.00", 1, "new", "p9", -600);
        applied(-1, snapshotRead(o9, 10), emitted("C", -1));

        Map<String, Object> o1 = order(1, "A", "10.00", 1, "new", "p1", -30);
        applied(0, insert(o1, 20), emitted("A", 0));
        // 91 minutes behind the clock, within the 2h allowed lateness: applied although out of order.
        Map<String, Object> o2 = order(2, "A", "20.50", 2, "new", "p2", -90);
        applied(1, insert(o2, 30), emitted("A", 1));
        // Dated 3 minutes ahead: stored, not yet in a window.
        Map<String, Object> o3 = order(3, "B", "7.25", 3, "paid", "p1", 5);
        List<FeatureRecord> b = applied(2, insert(o3, 40), emitted("B", 2));
        assertThat(b.get(0).features()).containsEntry("orders_24h", 0L);
        assertThat(b.get(0).last()).isFalse();

        // 10.00 -> 15.00 adds 5 to the sum: the old value is retracted, not added to.
        Map<String, Object> o1b = with(with(o1, "amount", new BigDecimal("15.00")), "status", "paid");
        List<FeatureRecord> a = applied(3, update(o1, o1b, 50), emitted("A", 3));
        assertThat(a.get(0).features()).containsEntry("spend_1h", new BigDecimal("15.00"))
                .containsEntry("spend_24h", new BigDecimal("35.50"));

        Map<String, Object> o4 = order(4, "A", null, 4, "new", "p3", -10);
        applied(4, insert(o4, 60), emitted("A", 4));

        // o3 enters B's windows at its event time, with no change arriving.
        advancedTo(6, emitted("B", 5));

        // o3 moves from B to A: B's last record, then A with it.
        Map<String, Object> o3b = with(with(o3, "customer", "A"), "status", "shipped");
        List<FeatureRecord> moved = applied(6, update(o3, o3b, 70), emitted("B", 6), emitted("A", 6));
        assertThat(moved.get(0).last()).isTrue();
        assertThat(moved.get(0).features()).containsEntry("orders_24h", 0L).containsEntry("spend_24h", BigDecimal.ZERO);

        Map<String, Object> o2b = with(o2, "customer", "B");
        applied(7, update(o2, o2b, 80), emitted("A", 7), emitted("B", 7));

        // Three hours behind, inside the 24h window: late, set aside, no effect.
        Map<String, Object> o5 = order(5, "B", "99.00", 1, "new", "p5", -180);
        int stateBefore = pipeline.stateEntries();
        pipeline.at(at(8)).process(insert(o5, 90));
        assertThat(pipeline.newRecords()).isEmpty();
        assertThat(pipeline.stateEntries()).isEqualTo(stateBefore);
        List<DeadLetter> late = pipeline.newDeadLetters();
        assertThat(late).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("features:customer_orders");
            assertThat(letter.reason()).contains("late change", "3h 8m behind the pipeline clock",
                    "allowed lateness 2h", "customer_orders");
        });

        // o1's event time moves back 70 minutes: the timers of its old time go, new ones come.
        Map<String, Object> o1c = with(o1b, "created_at", created(-100));
        applied(9, update(o1b, o1c, 100), emitted("A", 9));

        applied(10, delete(o2b, 110), emitted("B", 10));

        // Older than every window: applied, but nothing to store and nothing to report.
        applied(11, insert(order(6, "D", "1.00", 1, "new", "p6", -1500), 120));

        // o4 (at -10) and o3 (at 5) leave the 1h window; o1's old moment (-30 + 60) is gone.
        advancedTo(120, emitted("A", 50), emitted("A", 65));

        Map<String, Object> o7 = order(7, "A", "5.5", 2, "new", "p1", 180);
        applied(121, insert(o7, 130), emitted("A", 121));

        advancedTo(26 * 60, emitted("A", 180), emitted("A", 240), emitted("C", 840),
                emitted("A", 1340), emitted("A", 1430), emitted("A", 1445));

        List<FeatureRecord> end = advancedTo(28 * 60, emitted("A", 1620));
        assertThat(end.get(0).last()).isTrue();
        assertThat(pipeline.stateEntries()).isZero();
        assertThat(pipeline.timers()).isZero();
        assertThat(pipeline.newDeadLetters()).isEmpty();
        assertThat(pipeline.entityMetrics().changesIn.getCount()).isEqualTo(13);
        assertThat(pipeline.entityMetrics().lateChanges.getCount()).isEqualTo(1);
        assertThat(pipeline.entityMetrics().deadLetters.getCount()).isEqualTo(1);
    }

    /** Processes a change the view accepts at {@code minute}, applies it to the source, checks the records. */
    private List<FeatureRecord> applied(long minute, ChangeEvent change, Tuple... expected) throws Exception {
        pipeline.at(at(minute)).process(change);
        source.apply(change);
        assertThat(pipeline.newDeadLetters()).isEmpty();
        return checkRecords(expected);
    }

    private List<FeatureRecord> advancedTo(long minute, Tuple... expected) throws Exception {
        pipeline.at(at(minute));
        return checkRecords(expected);
    }

    private List<FeatureRecord> checkRecords(Tuple... expected) {
        List<FeatureRecord> records = pipeline.newRecords();
        assertThat(records).extracting(FeatureRecord::entity, FeatureRecord::validAtMillis)
                .containsExactly(expected);
        for (FeatureRecord record : records) {
            FeatureRecord recomputed = source.expected((String) record.entity(), record.validAtMillis(), pipeline.now());
            assertThat(record).as("record of %s at %s", record.entity(), record.validAtMillis()).isEqualTo(recomputed);
            assertThat(record.features().keySet()).containsExactlyElementsOf(recomputed.features().keySet());
        }
        return records;
    }

    private static Tuple emitted(String customer, long validAtMinute) {
        return tuple(customer, at(validAtMinute));
    }

}
