package dev.cdcpipeline.features;

import static dev.cdcpipeline.features.Orders.HOUR;
import static dev.cdcpipeline.features.Orders.MINUTE;
import static dev.cdcpipeline.features.Orders.at;
import static dev.cdcpipeline.features.Orders.created;
import static dev.cdcpipeline.features.Orders.delete;
import static dev.cdcpipeline.features.Orders.insert;
import static dev.cdcpipeline.features.Orders.order;
import static dev.cdcpipeline.features.Orders.snapshotRead;
import static dev.cdcpipeline.features.Orders.update;
import static dev.cdcpipeline.features.Orders.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.ChangeEvents;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class EntityChangesTest {

    private static final long NOW = at(0);

    private EntityChanges entityChanges;
    private OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness;

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private void open(FeatureView view) throws Exception {
        entityChanges = new EntityChanges(view);
        harness = ProcessFunctionTestHarnesses.forProcessFunction(entityChanges);
        harness.setProcessingTime(NOW);
    }

    @Test
    void aChangeWithinOneEntityPassesAsItIs() throws Exception {
        open(OrderViews.customerOrders());
        Map<String, Object> o1 = order(1, "A", "10.00", 1, "new", "p1", -30);
        List<ChangeEvent> changes = List.of(insert(o1, 10), update(o1, with(o1, "amount", null), 20), delete(o1, 30));

        changes.forEach(this::process);

        assertThat(harness.extractOutputValues()).containsExactlyElementsOf(changes);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aMoveBetweenEntitiesBecomesADeleteFromTheOldAndAnInsertIntoTheNew() throws Exception {
        open(OrderViews.customerOrders());
        Map<String, Object> before = order(1, "A", "10.00", 1, "new", "p1", -30);
        Map<String, Object> after = with(before, "customer", "B");
        ChangeEvent move = update(before, after, 10);

        process(move);

        assertThat(harness.extractOutputValues()).containsExactly(
                new ChangeEvent(ChangeEvents.ORDERS, Operation.DELETE, move.key(), before, null, move.position(),
                        move.sourceTimestampMillis()),
                new ChangeEvent(ChangeEvents.ORDERS, Operation.INSERT, move.key(), null, after, move.position(),
                        move.sourceTimestampMillis()));
        assertThat(new EntityKeySelector("customer").getKey(harness.extractOutputValues().get(0))).isEqualTo("A");
        assertThat(new EntityKeySelector("customer").getKey(harness.extractOutputValues().get(1))).isEqualTo("B");
    }

    @Test
    void aRowWithoutAnEntityIsSetAsideWithTheColumnNamed() throws Exception {
        open(OrderViews.customerOrders());

        process(insert(order(1, null, "10.00", 1, "new", "p1", -30), 10));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("features:customer_orders");
            assertThat(letter.reason()).contains("customer_orders", "after image", "entity column 'customer' is null");
            assertThat(letter.table()).isEqualTo("mysql:shop.orders");
            assertThat(letter.event()).contains("\"op\":\"c\"");
            assertThat(letter.failedAtMillis()).isEqualTo(NOW);
        });
        assertThat(entityChanges.metrics().deadLetters.getCount()).isEqualTo(1);
        assertThat(entityChanges.metrics().lateChanges.getCount()).isZero();
    }

    @Test
    void aRowWithoutAnEventTimeIsSetAsideWithTheColumnNamed() throws Exception {
        open(OrderViews.customerOrders());

        process(insert(with(order(1, "A", "10.00", 1, "new", "p1", 0), "created_at", null), 10));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("event-time column 'created_at' is null"));
    }

    @Test
    void anUpdateToANullEntityStillTakesTheRowFromItsOldEntity() throws Exception {
        open(OrderViews.customerOrders());
        Map<String, Object> before = order(1, "A", "10.00", 1, "new", "p1", -30);

        process(update(before, with(before, "customer", null), 10));

        assertThat(harness.extractOutputValues()).singleElement().satisfies(retraction -> {
            assertThat(retraction.operation()).isEqualTo(Operation.DELETE);
            assertThat(retraction.before()).isEqualTo(before);
        });
        assertThat(deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).contains("after image: entity column 'customer' is null");
            assertThat(letter.reason()).doesNotContain("before image");
        });
    }

    @Test
    void anUpdateThatLosesItsEventTimeTakesTheRowOutOfItsEntity() throws Exception {
        open(OrderViews.customerOrders());
        Map<String, Object> before = order(1, "A", "10.00", 1, "new", "p1", -30);

        process(update(before, with(before, "created_at", null), 10));

        assertThat(harness.extractOutputValues()).extracting(ChangeEvent::operation).containsExactly(Operation.DELETE);
        assertThat(deadLetters()).singleElement()
                .satisfies(letter -> assertThat(letter.reason()).contains("after image: event-time column 'created_at' is null"));
    }

    @Test
    void aChangeWithNoImageToPlaceYieldsOneDeadLetterNamingBoth() throws Exception {
        open(OrderViews.customerOrders());
        Map<String, Object> before = order(1, null, "10.00", 1, "new", "p1", -30);

        process(update(before, with(before, "created_at", null), 10));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertThat(letter.reason())
                .contains("before image: entity column 'customer' is null", "after image: entity column 'customer' is null"));
    }

    @Test
    void anUpdateWithoutABeforeImagePassesToTheEntityOfItsAfterImage() throws Exception {
        open(OrderViews.customerOrders());
        Map<String, Object> after = order(1, "B", "10.00", 1, "new", "p1", -30);
        ChangeEvent update = new ChangeEvent(ChangeEvents.ORDERS, Operation.UPDATE, Map.of("id", 1L), null, after,
                Orders.position(10), Orders.COMMITTED);

        process(update);

        assertThat(harness.extractOutputValues()).containsExactly(update);
    }

    @Test
    void aLateChangeIsSetAsideWholeWithItsLateness() throws Exception {
        open(OrderViews.customerOrders());
        // The after image is on time, the before image 3h behind inside the 24h window: not half applied.
        Map<String, Object> before = order(1, "A", "10.00", 1, "new", "p1", -180);
        ChangeEvent late = update(before, with(with(before, "customer", "B"), "created_at", created(-5)), 10);

        process(late);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertThat(letter.reason()).contains(
                "late change", "event time 2024-03-01T09:00:00Z of the before image", "3h behind the pipeline clock",
                "2024-03-01T12:00:00Z", "allowed lateness 2h", "feature view customer_orders", "longest window 1d"));
        assertThat(entityChanges.metrics().lateChanges.getCount()).isEqualTo(1);
        assertThat(entityChanges.metrics().deadLetters.getCount()).isEqualTo(1);
        assertThat(entityChanges.metrics().changesIn.getCount()).isEqualTo(1);
    }

    @Test
    void latenessIsMeasuredAgainstTheAllowedLatenessExactly() throws Exception {
        open(OrderViews.customerOrders());

        process(insert(order(1, "A", "1.00", 1, "new", "p1", -120), 10));
        process(insert(withMillis(order(2, "A", "1.00", 1, "new", "p1", -120), -1), 20));

        assertThat(harness.extractOutputValues()).extracting(change -> change.key().get("id")).containsExactly(1L);
        assertThat(deadLetters()).hasSize(1);
    }

    @Test
    void snapshotReadsAreNeverLate() throws Exception {
        open(OrderViews.customerOrders());
        ChangeEvent read = snapshotRead(order(1, "A", "1.00", 1, "new", "p1", -600), 10);

        process(read);

        assertThat(harness.extractOutputValues()).containsExactly(read);
    }

    @Test
    void changesOutsideEveryWindowPass() throws Exception {
        open(OrderViews.customerOrders());
        Map<String, Object> old = order(1, "A", "1.00", 1, "new", "p1", -30 * 60);
        List<ChangeEvent> changes = List.of(insert(old, 10), update(old, with(old, "amount", null), 20), delete(old, 30));

        changes.forEach(this::process);

        assertThat(harness.extractOutputValues()).containsExactlyElementsOf(changes);
    }

    @Test
    void aRowDatedMoreThanTheLongestWindowAheadIsSetAside() throws Exception {
        open(OrderViews.customerOrders());

        process(insert(order(1, "A", "1.00", 1, "new", "p1", 24 * 60), 10));
        process(insert(order(2, "A", "1.00", 1, "new", "p1", 24 * 60 + 1), 20));

        assertThat(harness.extractOutputValues()).extracting(change -> change.key().get("id")).containsExactly(1L);
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertThat(letter.reason())
                .contains("event time 2024-03-02T12:01:00Z is 1d 1m ahead of the pipeline clock", "longest window 1d"));
    }

    @Test
    void withoutAnEventTimeColumnTheCommitTimeDecidesLateness() throws Exception {
        open(OrderViews.view(null, OrderViews.ALLOWED_LATENESS, OrderViews.ALL_FUNCTIONS));
        Map<String, Object> row = order(1, "A", "1.00", 1, "new", "p1", 0);
        ChangeEvent behind = new ChangeEvent(ChangeEvents.ORDERS, Operation.INSERT, Map.of("id", 1L), null, row,
                Orders.position(10), NOW - 3 * HOUR);
        ChangeEvent onTime = new ChangeEvent(ChangeEvents.ORDERS, Operation.INSERT, Map.of("id", 2L), null, row,
                Orders.position(20), NOW - MINUTE);

        process(behind);
        process(onTime);

        assertThat(harness.extractOutputValues()).containsExactly(onTime);
        assertThat(deadLetters()).singleElement().satisfies(letter -> assertThat(letter.reason()).contains("3h behind"));
    }

    private static Map<String, Object> withMillis(Map<String, Object> row, long millis) {
        return with(row, "created_at", ((LocalDateTime) row.get("created_at")).plusNanos(millis * 1_000_000));
    }

    private void process(ChangeEvent change) {
        try {
            harness.processElement(new StreamRecord<>(change));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DeadLetter> deadLetters() {
        List<DeadLetter> letters = new ArrayList<>();
        var output = harness.getSideOutput(EntityChanges.DEAD_LETTERS);
        if (output != null) {
            output.forEach(letter -> letters.add(letter.getValue()));
        }
        return letters;
    }
}
