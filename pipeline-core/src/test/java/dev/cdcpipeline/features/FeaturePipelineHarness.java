package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Both operators of a feature view, wired as {@link FeatureGraph} wires them, with one processing
 * time: EntityChanges' output is fed to FeatureFunction keyed by entity. Outputs are handed out
 * once, so each step's assertions see only what that step emitted.
 */
final class FeaturePipelineHarness implements AutoCloseable {

    private final FeatureView view;
    private final EntityChanges entityChanges;
    private final OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> entities;
    private FeatureFunction featureFunction;
    private KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, FeatureRecord> features;
    private int deadLettersHandedOut;

    FeaturePipelineHarness(FeatureView view) throws Exception {
        this.view = view;
        this.entityChanges = new EntityChanges(view);
        this.entities = ProcessFunctionTestHarnesses.forProcessFunction(entityChanges);
        this.features = featureHarness(null);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, FeatureRecord> featureHarness(
            OperatorSubtaskState restoreFrom) throws Exception {
        featureFunction = new FeatureFunction(view);
        KeyedOneInputStreamOperatorTestHarness<String, ChangeEvent, FeatureRecord> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(featureFunction),
                        new EntityKeySelector(view.settings().entityColumn()), Types.STRING);
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    /** Sets the processing time of both operators; FeatureFunction's due timers fire. */
    FeaturePipelineHarness at(long processingTime) throws Exception {
        entities.setProcessingTime(processingTime);
        features.setProcessingTime(processingTime);
        return this;
    }

    long now() {
        return features.getProcessingTime();
    }

    FeaturePipelineHarness process(ChangeEvent... changes) throws Exception {
        for (ChangeEvent change : changes) {
            entities.processElement(new StreamRecord<>(change));
            for (ChangeEvent entityChange : entities.extractOutputValues()) {
                features.processElement(new StreamRecord<>(entityChange));
            }
            entities.getOutput().clear();
        }
        return this;
    }

    /** The feature records emitted since the last call, in order. */
    List<FeatureRecord> newRecords() {
        List<FeatureRecord> records = features.extractOutputValues();
        features.getOutput().clear();
        return records;
    }

    /** The dead letters set aside since the last call. */
    List<DeadLetter> newDeadLetters() {
        Queue<StreamRecord<DeadLetter>> all = entities.getSideOutput(EntityChanges.DEAD_LETTERS);
        List<DeadLetter> letters = new ArrayList<>();
        if (all != null) {
            all.stream().skip(deadLettersHandedOut).forEach(letter -> letters.add(letter.getValue()));
            deadLettersHandedOut += letters.size();
        }
        return letters;
    }

    int stateEntries() {
        return features.numKeyedStateEntries();
    }

    int timers() {
        return features.numProcessingTimeTimers();
    }

    EntityChanges.Metrics entityMetrics() {
        return entityChanges.metrics();
    }

    long recordsOut() {
        return featureFunction.recordsOut();
    }

    /** Snapshots FeatureFunction, closes it and opens a new instance from the snapshot, as a restart does. */
    void restartFeatures() throws Exception {
        long now = now();
        OperatorSubtaskState snapshot = features.snapshot(1L, now);
        features.close();
        features = featureHarness(snapshot);
        features.setProcessingTime(now);
    }

    @Override
    public void close() throws Exception {
        entities.close();
        features.close();
    }
}
