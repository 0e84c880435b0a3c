package dev.cdcpipeline.features;

import dev.cdcpipeline.features.serialization.FeatureRecordTypeInfoFactory;

import org.apache.flink.api.common.typeinfo.TypeInfo;

import java.util.Map;
import java.util.Objects;

/**
 * The features of one entity at one moment: what a feature view emits whenever an entity's values
 * may have changed (a change of one of its rows, or a row leaving a window).
 *
 * @param view the feature view's name
 * @param entity the entity column's value (a row value kind, see {@link dev.cdcpipeline.change.RowValues})
 * @param features feature name to value, in {@link FeatureView#featureColumns()} order
 * @param validAtMillis the time the values hold for, epoch milliseconds: each window covers event
 *     times in {@code (validAt - window, validAt]}
 * @param computedAtMillis when the pipeline computed them, epoch milliseconds
 * @param last true when no row of the entity is left in any window: the entity's last record, after
 *     which the view keeps no state for it
 */
@TypeInfo(FeatureRecordTypeInfoFactory.class)
public record FeatureRecord(
        String view, Object entity, Map<String, Object> features, long validAtMillis, long computedAtMillis, boolean last) {

    public FeatureRecord {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(features, "features");
    }
}
