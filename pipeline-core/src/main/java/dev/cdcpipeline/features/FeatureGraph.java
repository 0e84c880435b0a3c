package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The dataflow of one feature view: its table's changes, split by entity ({@link EntityChanges}),
 * keyed by entity, aggregated ({@link FeatureFunction}).
 *
 * <p>Give it the deduplicated changes, keyed by row: the table filter and {@link EntityChanges}
 * run at the input's parallelism, so they are chained to it (forward) and each row's changes reach
 * them, and then each entity, in source order. A different parallelism would rebalance, and a
 * row's insert could overtake its delete.
 */
public final class FeatureGraph {

    private FeatureGraph() {}

    /** Operator ids are part of savepoints: change them and the view's state no longer restores. */
    public static String entitiesUid(FeatureView view) {
        return "features-" + view.name() + "-entities";
    }

    public static String featuresUid(FeatureView view) {
        return "features-" + view.name();
    }

    /** @throws IllegalArgumentException if the view's columns do not fit its aggregates or event time */
    public static FeatureStreams build(DataStream<ChangeEvent> changes, FeatureView view) {
        String name = view.name();
        int inputParallelism = changes.getParallelism();
        SingleOutputStreamOperator<ChangeEvent> entityChanges = changes
                .filter(new TableFilter(view.table().id()))
                .setParallelism(inputParallelism)
                .uid("features-" + name + "-table")
                .name("Feature view " + name + ": changes of " + view.table().id())
                .process(new EntityChanges(view))
                .setParallelism(inputParallelism)
                .uid(entitiesUid(view))
                .name("Feature view " + name + ": changes by " + view.settings().entityColumn());
        DataStream<FeatureRecord> records = entityChanges
                .keyBy(new EntityKeySelector(view.settings().entityColumn()))
                .process(new FeatureFunction(view))
                .uid(featuresUid(view))
                .name("Feature view " + name + ": features per " + view.settings().entityColumn());
        return new FeatureStreams(records, entityChanges.getSideOutput(EntityChanges.DEAD_LETTERS));
    }
}
