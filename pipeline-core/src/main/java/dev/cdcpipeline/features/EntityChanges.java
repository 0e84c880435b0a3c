package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.RowValues;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a feature view's table changes into changes of one entity each, before they are keyed by
 * entity, and sets aside what cannot be applied. The clock is the processing time.
 *
 * <ol>
 *   <li>A late change (see {@link Lateness}) goes whole to {@link #DEAD_LETTERS} and changes nothing.
 *   <li>An update whose after image does not belong where its before image was (the entity value
 *       changed, or the after image cannot be placed, see {@link ImagePlacement}) becomes a delete
 *       of the before image, to the old entity, and an insert of the after image, to the new one,
 *       both with the change's position and commit time: moving an order from customer A to B
 *       takes it out of A's features and into B's. An update without a before image cannot show a
 *       move and is passed on as it is (both our sources send full before images).
 *   <li>Each resulting change whose image cannot be placed is set aside; the others go on. A change
 *       yields at most one dead letter, naming every image's problem.
 * </ol>
 */
public class EntityChanges extends ProcessFunction<ChangeEvent, ChangeEvent> {

    private static final long serialVersionUID = 1L;

    /** Changes a feature view set aside, with the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("feature-dead-letters", TypeInformation.of(DeadLetter.class));

    private final String viewName;
    private final String entityColumn;
    private final Lateness lateness;
    private final ImagePlacement placement;

    private transient Metrics metrics;

    public EntityChanges(FeatureView view) {
        this.viewName = view.name();
        this.entityColumn = view.settings().entityColumn();
        EventTimes eventTimes = EventTimes.of(view);
        this.lateness = new Lateness(view.name(), eventTimes, view.settings());
        this.placement = new ImagePlacement(eventTimes, view.settings());
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = new Metrics(getRuntimeContext().getMetricGroup().addGroup(FeatureFunction.METRIC_GROUP).addGroup("view", viewName));
    }

    /** For tests: the counters this instance keeps. */
    Metrics metrics() {
        return metrics;
    }

    @Override
    public void processElement(ChangeEvent change, Context context, Collector<ChangeEvent> out) {
        long now = context.timerService().currentProcessingTime();
        metrics.changesIn.inc();
        Optional<String> late = lateness.reasonIfLate(change, now);
        if (late.isPresent()) {
            metrics.lateChanges.inc();
            setAside(context, change, late.get(), now);
            return;
        }
        List<String> problems = new ArrayList<>();
        for (ChangeEvent part : entityParts(change, now)) {
            String imageName = part.after() != null ? "after" : "before";
            Optional<String> problem = placement.problemOf(part.latestRow(), part, now);
            if (problem.isPresent()) {
                problems.add(imageName + " image: " + problem.get());
            } else {
                out.collect(part);
            }
        }
        if (!problems.isEmpty()) {
            setAside(context, change, "feature view " + viewName + " cannot place the row: " + String.join("; ", problems), now);
        }
    }

    /** The change as one change per entity: an update splits when its after image does not go where its before image was. */
    private List<ChangeEvent> entityParts(ChangeEvent change, long now) {
        if (change.operation() != Operation.UPDATE || change.before() == null) {
            return List.of(change);
        }
        boolean sameEntity = RowValues.toKeyText(change.before().get(entityColumn))
                .equals(RowValues.toKeyText(change.after().get(entityColumn)));
        if (sameEntity && placement.problemOf(change.after(), change, now).isEmpty()) {
            return List.of(change);
        }
        return List.of(
                new ChangeEvent(change.table(), Operation.DELETE, change.key(), change.before(), null,
                        change.position(), change.sourceTimestampMillis()),
                new ChangeEvent(change.table(), Operation.INSERT, change.key(), null, change.after(),
                        change.position(), change.sourceTimestampMillis()));
    }

    private void setAside(Context context, ChangeEvent change, String reason, long now) {
        metrics.deadLetters.inc();
        context.output(DEAD_LETTERS, DeadLetter.of("features:" + viewName, reason, change, now));
    }

    /** What the view counts on its input; the names are the metric names under {@code features.<view>}. */
    static final class Metrics {
        final Counter changesIn;
        final Counter lateChanges;
        final Counter deadLetters;

        Metrics(MetricGroup group) {
            changesIn = group.counter("changesIn");
            lateChanges = group.counter("lateChanges");
            deadLetters = group.counter("deadLetters");
        }
    }
}
