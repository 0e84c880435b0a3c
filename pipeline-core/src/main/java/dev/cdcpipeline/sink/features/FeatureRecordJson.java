package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.features.FeatureRecord;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.sink.kafka.ChangeEventJson;
import dev.cdcpipeline.sink.kafka.JsonBytes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The JSON of a feature record on Kafka: one flat object, so that a Feast or Tecton stream source
 * can read it without unwrapping an envelope.
 *
 * <pre>{@code
 * {"customer_id":42,"orders_1h":2,"spend_1h":25.50,
 *  "valid_at":"2026-11-25T10:00:00.123Z","computed_at":"2026-11-25T10:00:01.456Z",
 *  "feature_view":"customer_orders","last":false}
 * }</pre>
 *
 * The entity column comes first under its own name, then each feature in the view's order, then
 * the metadata fields. Values are written as in change records: decimals as exact plain numbers,
 * dates and times as ISO-8601 (points in time in UTC with a {@code Z}), JSON embedded as JSON,
 * bytes as base64, arrays as arrays. {@code valid_at} and {@code computed_at} always carry
 * milliseconds. The record key is the entity alone: {@code {"customer_id":42}}.
 */
public final class FeatureRecordJson {

    public static final String VALID_AT = "valid_at";
    public static final String COMPUTED_AT = "computed_at";
    public static final String FEATURE_VIEW = "feature_view";
    public static final String LAST = "last";

    /** Names the metadata fields take; an entity or feature of the same name would be ambiguous. */
    static final List<String> METADATA_FIELDS = List.of(VALID_AT, COMPUTED_AT, FEATURE_VIEW, LAST);

    // Fixed milliseconds, unlike Instant.toString(), which drops a zero fraction: some readers want one format.
    private static final DateTimeFormatter UTC_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private FeatureRecordJson() {}

    /**
     * @throws IllegalArgumentException if the record belongs to another view or holds a feature
     *     its view does not have
     */
    public static byte[] value(FeatureView view, FeatureRecord record) {
        return value(FeatureRecordLayout.of(view), record);
    }

    /** As {@link #value(FeatureView, FeatureRecord)}, with the view's layout worked out beforehand. */
    public static byte[] value(FeatureRecordLayout layout, FeatureRecord record) {
        requireOfView(layout, record);
        return JsonBytes.write(generator -> {
            generator.writeStartObject();
            generator.writeFieldName(layout.entityColumn());
            ChangeEventJson.writeValue(generator, record.entity());
            for (String feature : layout.features()) {
                generator.writeFieldName(feature);
                // A feature left out of the map is written as null: every record has every field.
                ChangeEventJson.writeValue(generator, record.features().get(feature));
            }
            generator.writeStringField(VALID_AT, timestamp(record.validAtMillis()));
            generator.writeStringField(COMPUTED_AT, timestamp(record.computedAtMillis()));
            generator.writeStringField(FEATURE_VIEW, record.view());
            generator.writeBooleanField(LAST, record.last());
            generator.writeEndObject();
        });
    }

    public static byte[] key(FeatureView view, FeatureRecord record) {
        return key(FeatureRecordLayout.of(view), record);
    }

    /** The entity as a one-field object, {@code {"customer_id":42}}: the Kafka key of the record. */
    public static byte[] key(FeatureRecordLayout layout, FeatureRecord record) {
        return JsonBytes.write(generator -> {
            generator.writeStartObject();
            generator.writeFieldName(layout.entityColumn());
            ChangeEventJson.writeValue(generator, record.entity());
            generator.writeEndObject();
        });
    }

    /** Epoch milliseconds as ISO-8601 in UTC with exactly three fraction digits: {@code 2026-11-25T10:00:00.000Z}. */
    public static String timestamp(long epochMillis) {
        return UTC_MILLIS.format(Instant.ofEpochMilli(epochMillis));
    }

    static void requireOfView(FeatureRecordLayout layout, FeatureRecord record) {
        if (!record.view().equals(layout.view())) {
            throw new IllegalArgumentException(
                    "A record of feature view " + record.view() + " given as one of " + layout.view());
        }
        for (String feature : record.features().keySet()) {
            if (!layout.features().contains(feature)) {
                throw new IllegalArgumentException("A record of feature view " + layout.view() + " has the feature '"
                        + feature + "', which is not one of the view's " + layout.features());
            }
        }
    }
}
