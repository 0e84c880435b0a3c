package dev.cdcpipeline.sink.warehouse;

import static dev.cdcpipeline.change.ChangeEvents.ORDERS;
import static dev.cdcpipeline.change.ChangeEvents.delete;
import static dev.cdcpipeline.change.ChangeEvents.insert;
import static dev.cdcpipeline.change.ChangeEvents.row;
import static dev.cdcpipeline.change.ChangeEvents.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

class SnapshotReadHoldBackTest {

    private static final int MAX_PARALLELISM = 128;

    @Test
    void snapshotReadsWaitForTheCheckpointAfterThemWhileLogChangesPassAtOnce() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = open(null, 1, 0)) {
            harness.processElement(record(read(1, 10)));
            harness.processElement(record(insert(2, 20, 100)));
            assertThat(emitted(harness)).containsExactly(insert(2, 20, 100));

            harness.snapshot(1, 1);
            harness.processElement(record(read(3, 30)));
            assertThat(emitted(harness)).as("checkpoint 1 taken, not yet complete").containsExactly(insert(2, 20, 100));

            harness.notifyOfCompletedCheckpoint(1);
            assertThat(emitted(harness)).as("the read after checkpoint 1 waits for checkpoint 2")
                    .containsExactly(insert(2, 20, 100), read(1, 10));

            harness.snapshot(2, 2);
            harness.notifyOfCompletedCheckpoint(2);
            assertThat(emitted(harness)).containsExactly(insert(2, 20, 100), read(1, 10), read(3, 30));
        }
    }

    @Test
    void aLaterChangeOfAHeldKeyWaitsBehindItsRead() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = open(null, 1, 0)) {
            harness.processElement(record(read(1, 10)));
            harness.processElement(record(update(1, 10, 11, 100)));
            harness.processElement(record(delete(1, 11, 200)));
            harness.processElement(record(insert(2, 20, 300)));
            assertThat(emitted(harness)).as("a delete must not overtake the read it removes").containsExactly(insert(2, 20, 300));

            harness.snapshot(1, 1);
            harness.notifyOfCompletedCheckpoint(1);
            harness.processElement(record(insert(1, 12, 400)));

            assertThat(emitted(harness)).containsExactly(
                    insert(2, 20, 300), read(1, 10), update(1, 10, 11, 100), delete(1, 11, 200), insert(1, 12, 400));
        }
    }

    @Test
    void anAbortedCheckpointsChangesGoWithTheNextCompletedOne() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = open(null, 1, 0)) {
            harness.processElement(record(read(1, 10)));
            harness.snapshot(1, 1);
            harness.processElement(record(read(2, 20)));
            harness.snapshot(2, 2);
            // No notification for checkpoint 1: completing 2 confirms both.
            harness.notifyOfCompletedCheckpoint(2);

            assertThat(emitted(harness)).containsExactly(read(1, 10), read(2, 20));
        }
    }

    @Test
    void afterARestoreTheHeldChangesOfTheCompletedCheckpointGoOnAtOnceAndTheLaterOnesAreGone() throws Exception {
        OperatorSubtaskState checkpoint;
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = open(null, 1, 0)) {
            harness.processElement(record(read(1, 10)));
            harness.processElement(record(delete(1, 10, 100)));
            checkpoint = harness.snapshot(1, 1);
            // Read after checkpoint 1: the restored source reads its chunk again.
            harness.processElement(record(read(2, 20)));
            assertThat(emitted(harness)).isEmpty();
            // The job fails before checkpoint 1's notification arrives.
        }

        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> restored = open(checkpoint, 1, 0)) {
            assertThat(emitted(restored)).containsExactly(read(1, 10), delete(1, 10, 100));
            restored.processElement(record(read(2, 20)));
            restored.snapshot(2, 2);
            restored.notifyOfCompletedCheckpoint(2);
            assertThat(emitted(restored)).containsExactly(read(1, 10), delete(1, 10, 100), read(2, 20));
        }
    }

    @Test
    void restoredAtAnotherParallelismEachSubtaskReleasesTheKeysItNowOwns() throws Exception {
        List<ChangeEvent> reads = LongStream.rangeClosed(1, 40).mapToObj(id -> read(id, id * 10)).toList();
        OperatorSubtaskState checkpoint;
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = open(null, 1, 0)) {
            for (ChangeEvent read : reads) {
                harness.processElement(record(read));
            }
            checkpoint = harness.snapshot(1, 1);
        }

        List<ChangeEvent> releasedByAll = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            OperatorSubtaskState share = AbstractStreamOperatorTestHarness.repartitionOperatorState(
                    checkpoint, MAX_PARALLELISM, 1, 2, subtask);
            try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> restored = open(share, 2, subtask)) {
                List<ChangeEvent> released = emitted(restored);
                assertThat(released).as("subtask %d releases some, not all", subtask).isNotEmpty().hasSizeLessThan(reads.size());
                releasedByAll.addAll(released);
            }
        }
        assertThat(releasedByAll).as("every held read exactly once").containsExactlyInAnyOrderElementsOf(reads);
    }

    @Test
    void withoutCheckpointingNothingIsHeld() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = newHarness(1, 0)) {
            harness.getStreamConfig().setCheckpointingEnabled(false);
            harness.open();
            harness.processElement(record(read(1, 10)));

            assertThat(emitted(harness)).containsExactly(read(1, 10));
        }
    }

    @Test
    void countsTheHeldChangesForItsGauge() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = open(null, 1, 0)) {
            SnapshotReadHoldBack operator = (SnapshotReadHoldBack) harness.getOperator();
            harness.processElement(record(read(1, 10)));
            harness.processElement(record(update(1, 10, 11, 100)));
            harness.processElement(record(insert(2, 20, 200)));
            assertThat(heldGauge(operator)).isEqualTo(2);

            harness.snapshot(1, 1);
            harness.notifyOfCompletedCheckpoint(1);
            assertThat(heldGauge(operator)).isZero();
        }
    }

    private static int heldGauge(SnapshotReadHoldBack operator) {
        return operator.heldChanges();
    }

    private static OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> open(OperatorSubtaskState state, int parallelism,
            int subtask) throws Exception {
        OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = newHarness(parallelism, subtask);
        harness.getStreamConfig().setCheckpointingEnabled(true);
        if (state != null) {
            harness.initializeState(state);
        }
        harness.open();
        return harness;
    }

    private static OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> newHarness(int parallelism, int subtask)
            throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new SnapshotReadHoldBack(), MAX_PARALLELISM, parallelism, subtask);
    }

    private static ChangeEvent read(long id, long amount) {
        return new ChangeEvent(ORDERS, Operation.SNAPSHOT_READ, row("id", id), null, row("id", id, "amount", amount),
                new SourcePosition(0, 0, 0), 1_700_000_000_000L);
    }

    private static StreamRecord<ChangeEvent> record(ChangeEvent change) {
        return new StreamRecord<>(change);
    }

    private static List<ChangeEvent> emitted(OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness) {
        return harness.extractOutputValues();
    }
}
