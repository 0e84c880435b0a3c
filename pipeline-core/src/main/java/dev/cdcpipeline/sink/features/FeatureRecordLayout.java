package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.features.FeatureColumn;
import dev.cdcpipeline.features.FeatureView;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of a view's feature records, in output order: the entity column, the features, then
 * {@link FeatureRecordJson#METADATA_FIELDS}. Worked out once per view rather than per record.
 *
 * @param view the feature view's name
 * @param entityColumn the name of the entity column
 * @param features the feature names, in {@link FeatureView#featureColumns()} order
 */
public record FeatureRecordLayout(String view, String entityColumn, List<String> features) implements Serializable {

    public FeatureRecordLayout {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(entityColumn, "entityColumn");
        features = List.copyOf(features);
        Set<String> names = new HashSet<>(FeatureRecordJson.METADATA_FIELDS);
        if (!names.add(entityColumn)) {
            throw new IllegalArgumentException("Feature view " + view + ": the entity column '" + entityColumn
                    + "' has the name of a field every feature record carries (" + FeatureRecordJson.METADATA_FIELDS + ")");
        }
        for (String feature : features) {
            if (!names.add(feature)) {
                throw new IllegalArgumentException("Feature view " + view + ": the feature '" + feature
                        + "' has the name of the entity column or of a field every feature record carries ("
                        + FeatureRecordJson.METADATA_FIELDS + ")");
            }
        }
    }

    public static FeatureRecordLayout of(FeatureView view) {
        return new FeatureRecordLayout(
                view.name(), view.entityColumn().name(), view.featureColumns().stream().map(FeatureColumn::name).toList());
    }
}
