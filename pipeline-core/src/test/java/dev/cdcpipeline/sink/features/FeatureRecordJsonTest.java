package dev.cdcpipeline.sink.features;

import static dev.cdcpipeline.sink.features.FeatureTableTest.customerOrders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.features.FeatureRecord;
import dev.cdcpipeline.features.FeatureView;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class FeatureRecordJsonTest {

    /** Decimals as BigDecimal, so the test sees the digits that were written. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final long VALID_AT = Instant.parse("2026-11-25T10:00:00.123Z").toEpochMilli();
    private static final long COMPUTED_AT = Instant.parse("2026-11-25T10:00:01Z").toEpochMilli();

    @Test
    void writesAFlatObjectInTheDocumentedOrder() {
        FeatureRecord record = new FeatureRecord("customer_orders", 42L,
                features("orders_1h", 2L, "orders_24h", 5L, "spend_1h", new BigDecimal("25.50"), "spend_24h", new BigDecimal("1E+3")),
                VALID_AT, COMPUTED_AT, false);

        String json = text(FeatureRecordJson.value(customerOrders(), record));

        assertThat(json).isEqualTo("{\"customer_id\":42,\"orders_1h\":2,\"orders_24h\":5,\"spend_1h\":25.50,\"spend_24h\":1000,"
                + "\"valid_at\":\"2026-11-25T10:00:00.123Z\",\"computed_at\":\"2026-11-25T10:00:01.000Z\","
                + "\"feature_view\":\"customer_orders\",\"last\":false}");
    }

    @Test
    void followsTheViewsOrderWhateverTheMapsOrder() throws Exception {
        Map<String, Object> reversed = features("spend_24h", new BigDecimal("0"), "spend_1h", new BigDecimal("0"),
                "orders_24h", 0L, "orders_1h", 0L);

        JsonNode json = MAPPER.readTree(FeatureRecordJson.value(customerOrders(),
                new FeatureRecord("customer_orders", 7L, reversed, VALID_AT, COMPUTED_AT, true)));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("customer_id", "orders_1h", "orders_24h",
                "spend_1h", "spend_24h", "valid_at", "computed_at", "feature_view", "last");
        assertThat(json.get("last").asBoolean()).isTrue();
    }

    @Test
    void writesNullForANullOrMissingFeature() throws Exception {
        Map<String, Object> features = features("orders_1h", 0L, "spend_1h", null);

        JsonNode json = MAPPER.readTree(FeatureRecordJson.value(customerOrders(),
                new FeatureRecord("customer_orders", 42L, features, VALID_AT, COMPUTED_AT, false)));

        assertThat(json.get("spend_1h").isNull()).isTrue();
        assertThat(json.get("orders_24h").isNull()).isTrue();
        assertThat(json.get("spend_24h").isNull()).isTrue();
        assertThat(json.get("orders_1h").asLong()).isZero();
    }

    @Test
    void writesRowValuesAsChangeRecordsDo() throws Exception {
        FeatureView view = FeatureTableTest.view("customer_status", "status", List.of(
                new AggregateSettings("first", AggregateFunction.MIN, "created_at"),
                new AggregateSettings("local", AggregateFunction.MAX, "created_at"),
                new AggregateSettings("avg", AggregateFunction.AVG, "amount"),
                new AggregateSettings("attrs", AggregateFunction.LATEST, "status")), "1h");
        FeatureRecord record = new FeatureRecord("customer_status", "Zoë \"VIP\"", features(
                "first_1h", Instant.parse("2026-11-25T09:00:00Z"),
                "local_1h", LocalDateTime.of(2026, 11, 25, 10, 0, 0, 123_000),
                "avg_1h", new BigDecimal("12.3333333333333333333333"),
                "attrs_1h", new JsonText("{\"tier\":[1,2]}")), VALID_AT, COMPUTED_AT, false);

        JsonNode json = MAPPER.readTree(FeatureRecordJson.value(view, record));

        assertThat(json.get("status").asText()).isEqualTo("Zoë \"VIP\"");
        assertThat(json.get("first_1h").asText()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(json.get("local_1h").asText()).isEqualTo("2026-11-25T10:00:00.000123");
        assertThat(json.get("avg_1h").toString()).isEqualTo("12.3333333333333333333333");
        assertThat(json.at("/attrs_1h/tier/1").asInt()).isEqualTo(2);
    }

    @Test
    void keyIsTheEntityAlone() {
        FeatureRecord record = new FeatureRecord("customer_orders", 42L, features(), VALID_AT, COMPUTED_AT, false);

        assertThat(text(FeatureRecordJson.key(customerOrders(), record))).isEqualTo("{\"customer_id\":42}");
    }

    @Test
    void timestampsAlwaysCarryMillisecondsInUtc() {
        assertThat(FeatureRecordJson.timestamp(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(FeatureRecordJson.timestamp(VALID_AT)).isEqualTo("2026-11-25T10:00:00.123Z");
        assertThat(FeatureRecordJson.timestamp(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
    }

    @Test
    void refusesARecordOfAnotherViewOrWithAnUnknownFeature() {
        assertThatThrownBy(() -> FeatureRecordJson.value(customerOrders(),
                new FeatureRecord("other", 1L, features(), VALID_AT, COMPUTED_AT, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
        assertThatThrownBy(() -> FeatureRecordJson.value(customerOrders(),
                new FeatureRecord("customer_orders", 1L, features("orders_7d", 1L), VALID_AT, COMPUTED_AT, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders_7d");
    }

    static Map<String, Object> features(Object... namesAndValues) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            features.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return features;
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
