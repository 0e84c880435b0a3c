package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;

import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Holds snapshot reads back from the warehouse until the checkpoint that covers them completes.
 *
 * <p>Why: the warehouse writers write at once (at-least-once), guarded by each row's source
 * position. A snapshot chunk that a failed attempt read and wrote, but did not checkpoint, is
 * read again after the restart, and by then a row of it may have changed or gone. Snapshot reads
 * carry no log position, so the re-read copy cannot win over the written one, and a row deleted
 * in between gets no delete (it happened before the re-read chunk's high watermark): the
 * warehouse would keep stale rows for good. Released only once their checkpoint completes, reads
 * reach the warehouse only from chunks the source will never read again: Flink CDC emits a
 * chunk's rows in one go, and a checkpoint taken after them counts the chunk as finished. Kafka
 * needs none of this: its transactions commit on the same completion.
 *
 * <p>A later change of a key whose read is held waits behind it, so each key's changes reach the
 * warehouse in order: a delete must not overtake the read it removes, or the read would bring the
 * row back. Other changes pass straight through; once the snapshot is done, nothing is held.
 *
 * <p>State: the held changes, at most what arrived during one checkpoint interval plus those of
 * checkpoints not yet confirmed. It is union state: after a restore each subtask takes the changes
 * of the key groups it now owns (the input is keyed by {@link ChangeEvent#partitionKey}, chained
 * from the dedup operator) and passes them on at once, since the checkpoint it restored from
 * completed. Without checkpointing nothing is ever confirmed, so nothing is held.
 */
final class SnapshotReadHoldBack extends AbstractStreamOperator<ChangeEvent> implements OneInputStreamOperator<ChangeEvent, ChangeEvent> {

    private static final long serialVersionUID = 1L;
    /** Gauge: the changes held now (snapshot reads, and changes of their keys waiting behind them). */
    static final String HELD_GAUGE = "changesHeldUntilCheckpoint";

    private transient ListState<ChangeEvent> heldState;
    /** Restored changes of this subtask's key groups, passed on when the operator opens. */
    private transient List<ChangeEvent> restoredToRelease;
    private transient List<ChangeEvent> sinceLastCheckpoint;
    /** The held changes of each checkpoint taken and not yet confirmed, by checkpoint id. */
    private transient TreeMap<Long, List<ChangeEvent>> awaitingCompletion;
    private transient Map<String, Integer> heldChangesByKey;
    private transient boolean holding;
    private transient int heldChanges;

    SnapshotReadHoldBack() {
        // Chained to the operator before it, as a function's operator would be: a custom operator starts its own chain.
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        heldState = context.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>("held-snapshot-reads", ChangeEventTypeInfo.INSTANCE));
        restoredToRelease = new ArrayList<>();
        if (context.isRestored()) {
            TaskInfo task = getRuntimeContext().getTaskInfo();
            for (ChangeEvent change : heldState.get()) {
                int owner = KeyGroupRangeAssignment.assignKeyToParallelOperator(
                        change.partitionKey(), task.getMaxNumberOfParallelSubtasks(), task.getNumberOfParallelSubtasks());
                if (owner == task.getIndexOfThisSubtask()) {
                    restoredToRelease.add(change);
                }
            }
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        sinceLastCheckpoint = new ArrayList<>();
        awaitingCompletion = new TreeMap<>();
        heldChangesByKey = new HashMap<>();
        holding = ((StreamingRuntimeContext) getRuntimeContext()).isCheckpointingEnabled();
        getRuntimeContext().getMetricGroup().addGroup(WriteLatency.METRIC_GROUP).gauge(HELD_GAUGE, this::heldChanges);
        restoredToRelease.forEach(this::emit);
        restoredToRelease = null;
    }

    @Override
    public void processElement(StreamRecord<ChangeEvent> element) {
        ChangeEvent change = element.getValue();
        // Once the snapshot is released nothing is held, and a log change passes without building its key.
        boolean read = change.operation() == Operation.SNAPSHOT_READ;
        if (!holding || (!read && heldChangesByKey.isEmpty())) {
            output.collect(element);
            return;
        }
        String key = change.partitionKey();
        if (read || heldChangesByKey.containsKey(key)) {
            sinceLastCheckpoint.add(change);
            heldChangesByKey.merge(key, 1, Integer::sum);
            heldChanges++;
        } else {
            output.collect(element);
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        if (!sinceLastCheckpoint.isEmpty()) {
            awaitingCompletion.put(context.getCheckpointId(), sinceLastCheckpoint);
            sinceLastCheckpoint = new ArrayList<>();
        }
        List<ChangeEvent> held = new ArrayList<>();
        awaitingCompletion.values().forEach(held::addAll);
        heldState.update(held);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        // A completed checkpoint subsumes earlier ones whose notification never came (aborted, or lost).
        Iterator<List<ChangeEvent>> confirmed = awaitingCompletion.headMap(checkpointId, true).values().iterator();
        while (confirmed.hasNext()) {
            confirmed.next().forEach(this::release);
            confirmed.remove();
        }
    }

    /** At the end of a bounded input nothing will be read again: everything held goes on. */
    @Override
    public void finish() throws Exception {
        awaitingCompletion.values().forEach(changes -> changes.forEach(this::release));
        awaitingCompletion.clear();
        sinceLastCheckpoint.forEach(this::release);
        sinceLastCheckpoint.clear();
        super.finish();
    }

    /** What the {@value #HELD_GAUGE} gauge shows. */
    int heldChanges() {
        return heldChanges;
    }

    private void release(ChangeEvent change) {
        heldChangesByKey.computeIfPresent(change.partitionKey(), (key, count) -> count == 1 ? null : count - 1);
        heldChanges--;
        emit(change);
    }

    private void emit(ChangeEvent change) {
        output.collect(new StreamRecord<>(change));
    }
}
