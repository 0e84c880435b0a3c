package dev.cdcpipeline.dedup;

import static dev.cdcpipeline.change.ChangeEvents.delete;
import static dev.cdcpipeline.change.ChangeEvents.insert;
import static dev.cdcpipeline.change.ChangeEvents.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.ChangeEvents;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.change.serialization.PartitionKeyTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class DedupFunctionTest {

    private static final Duration TTL = Duration.ofHours(1);

    private DedupFunction dedup;
    private KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, ChangeEvent> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, ChangeEvent> newHarness() throws Exception {
        return newHarness(PartitionKeyTypeInfo.INSTANCE);
    }

    /** Keyed as in the pipeline, or with another type for the same keys. */
    private KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, ChangeEvent> newHarness(TypeInformation<String> keyType)
            throws Exception {
        dedup = new DedupFunction(TTL);
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(dedup), ChangeEvent::partitionKey, keyType);
    }

    @Test
    void passesEachChangeOnceInOrder() throws Exception {
        List<ChangeEvent> changes = List.of(insert(1, 10, 100), update(1, 10, 15, 200), delete(1, 15, 300));

        process(changes);

        assertThat(output()).containsExactlyElementsOf(changes);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(dedup.metrics().eventsIn.getCount()).isEqualTo(3);
        assertThat(dedup.metrics().eventsOut.getCount()).isEqualTo(3);
    }

    @Test
    void dropsReplaysAtOrBeforeTheLastPassedPosition() throws Exception {
        process(List.of(insert(1, 10, 100), update(1, 10, 15, 200)));

        // A restart from an older source offset replays both; only the new change passes.
        process(List.of(insert(1, 10, 100), update(1, 10, 15, 200), update(1, 15, 20, 300)));

        assertThat(output()).extracting(change -> change.position().offset()).containsExactly(100L, 200L, 300L);
        assertThat(dedup.metrics().staleDropped.getCount()).isEqualTo(2);
    }

    @Test
    void dropsUpdatesThatChangeNoColumn() throws Exception {
        process(List.of(insert(1, 10, 100), update(1, 10, 10, 200), update(1, 10, 11, 300)));

        assertThat(output()).extracting(change -> change.position().offset()).containsExactly(100L, 300L);
        assertThat(dedup.metrics().noOpUpdatesDropped.getCount()).isEqualTo(1);
    }

    @Test
    void rowsAreIndependent() throws Exception {
        process(List.of(insert(1, 10, 500), insert(2, 20, 100), update(2, 20, 21, 200)));

        assertThat(output()).hasSize(3);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    @Test
    void snapshotReadsPassWithoutStateAndLogChangesAfterThemAreRemembered() throws Exception {
        process(List.of(read(1, 10), read(2, 20), read(3, 30)));
        assertThat(harness.numKeyedStateEntries()).as("reads leave no state").isZero();

        process(List.of(update(2, 20, 21, 100)));
        // A read of a row the log has changed since (a chunk read again after the log moved on) is older: dropped.
        process(List.of(read(2, 20), update(2, 20, 21, 100)));

        assertThat(output()).containsExactly(read(1, 10), read(2, 20), read(3, 30), update(2, 20, 21, 100));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(dedup.metrics().snapshotRowsIn.getCount()).isEqualTo(4);
        assertThat(dedup.metrics().staleDropped.getCount()).isEqualTo(2);
    }

    private static ChangeEvent read(long id, long amount) {
        return new ChangeEvent(ChangeEvents.ORDERS, Operation.SNAPSHOT_READ, ChangeEvents.row("id", id), null,
                ChangeEvents.row("id", id, "amount", amount), new SourcePosition(0, 0, 0), 1_700_000_000_000L);
    }

    @Test
    void expiredStateIsRemovedAfterTheTtl() throws Exception {
        harness.setStateTtlProcessingTime(0);
        process(List.of(insert(1, 10, 100), insert(2, 20, 100), insert(3, 30, 100)));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(3);

        harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
        // Changes to another row let incremental cleanup visit and remove the expired entries: it
        // looks at one more row per state access, key group by key group (128 of them, nearly all
        // empty here), so it takes a few hundred changes to come round.
        for (int change = 1; change <= 300; change++) {
            process(List.of(update(4, change, change + 1, 100 + change)));
        }

        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        // Past the TTL a replay is no longer recognised: the warehouse's position guard covers it.
        process(List.of(insert(1, 10, 100)));
        assertThat(output()).hasSize(3 + 300 + 1);
    }

    @Test
    void stateSurvivesARestoreFromASnapshot() throws Exception {
        process(List.of(insert(1, 10, 100)));
        restartFromASnapshot();
        process(List.of(insert(1, 10, 100), update(1, 10, 12, 200)));

        assertThat(output()).extracting(change -> change.position().offset()).containsExactly(200L);
    }

    @Test
    void stateKeyedByFlinksOwnStringSerializerRestores() throws Exception {
        // Pipelines before the partition key had its own serializer keyed the state with Types.STRING.
        harness.close();
        harness = newHarness(Types.STRING);
        harness.open();
        process(List.of(insert(1, 10, 100)));
        restartFromASnapshot();
        process(List.of(insert(1, 10, 100), update(1, 10, 12, 200)));

        assertThat(output()).extracting(change -> change.position().offset()).containsExactly(200L);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void aRestoredInstanceChecksReadsAgainstTheRestoredPositions() throws Exception {
        process(List.of(update(2, 20, 21, 100)));
        restartFromASnapshot();
        // No log change has passed this instance yet, but its restored state knows row 2's.
        process(List.of(read(2, 20), read(3, 30)));

        assertThat(output()).containsExactly(read(3, 30));
        assertThat(dedup.metrics().staleDropped.getCount()).isEqualTo(1);
    }

    /** A checkpoint, then a new instance, keyed as in the pipeline, restored from it. */
    private void restartFromASnapshot() throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();
        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
    }

    private void process(List<ChangeEvent> changes) throws Exception {
        for (ChangeEvent change : changes) {
            harness.processElement(new StreamRecord<>(change));
        }
    }

    private List<ChangeEvent> output() {
        return harness.extractOutputValues();
    }
}
