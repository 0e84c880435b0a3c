package dev.cdcpipeline.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.features.serialization.FeatureRecordSerializer;
import dev.cdcpipeline.features.serialization.FeatureRecordTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class FeatureRecordSerializerTest {

    @Test
    void roundTripsEveryFieldAndKeepsTheFeatureOrder() throws Exception {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("orders_24h", 3L);
        features.put("spend_24h", new BigDecimal("1234.5600"));
        features.put("avg_ratio_1h", 0.125d);
        features.put("last_status_1h", "paid");
        features.put("first_day_24h", LocalDate.of(2024, 2, 29));
        features.put("latest_seen_24h", Instant.parse("2024-03-01T12:00:00.000123Z"));
        features.put("max_amount_1h", null);
        features.put("a_flag_1h", true);
        FeatureRecord record = new FeatureRecord("customer_orders", 42L, features, 1_709_294_400_000L, 1_709_294_400_250L, false);

        FeatureRecord copy = roundTrip(record);

        assertThat(copy).isEqualTo(record);
        assertThat(copy.features().keySet()).containsExactlyElementsOf(features.keySet());
        assertThat(copy.features().get("spend_24h")).isEqualTo(new BigDecimal("1234.5600"));
    }

    @Test
    void roundTripsTheLastRecordOfATextEntity() throws Exception {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("orders_1h", 0L);
        features.put("spend_1h", BigDecimal.ZERO);
        features.put("last_status_1h", null);
        FeatureRecord last = new FeatureRecord("customer_orders", "cust-Zoë", features, 5L, 6L, true);

        assertThat(roundTrip(last)).isEqualTo(last);
    }

    @Test
    void flinkPicksThisSerializerForFeatureRecords() {
        assertThat(TypeInformation.of(FeatureRecord.class)).isEqualTo(FeatureRecordTypeInfo.INSTANCE);
    }

    @Test
    void aRestoredSerializerIsCompatibleAsIs() throws Exception {
        TypeSerializerSnapshot<FeatureRecord> snapshot = FeatureRecordSerializer.INSTANCE.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<FeatureRecord> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        TypeSerializerSchemaCompatibility<FeatureRecord> compatibility =
                FeatureRecordSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(restored);

        assertThat(compatibility.isCompatibleAsIs()).isTrue();
        assertThat(restored.restoreSerializer()).isSameAs(FeatureRecordSerializer.INSTANCE);
    }

    @Test
    void copiesAreTheImmutableRecordItself() {
        FeatureRecord record = new FeatureRecord("v", 1L, Map.of("n_1h", 1L), 1L, 1L, false);

        assertThat(FeatureRecordSerializer.INSTANCE.copy(record)).isSameAs(record);
        assertThat(FeatureRecordSerializer.INSTANCE.isImmutableType()).isTrue();
        assertThat(List.of(FeatureRecordSerializer.INSTANCE.duplicate())).containsExactly(FeatureRecordSerializer.INSTANCE);
    }

    private static FeatureRecord roundTrip(FeatureRecord record) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        FeatureRecordSerializer.INSTANCE.serialize(record, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        FeatureRecord copy = FeatureRecordSerializer.INSTANCE.deserialize(in);
        assertThat(in.available()).isZero();
        return copy;
    }
}
