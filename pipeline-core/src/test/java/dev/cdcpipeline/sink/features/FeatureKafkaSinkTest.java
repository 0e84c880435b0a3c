package dev.cdcpipeline.sink.features;

import static dev.cdcpipeline.sink.features.FeatureRecordJsonTest.features;
import static dev.cdcpipeline.sink.features.FeatureTableTest.customerOrders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.Delivery;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.features.FeatureRecord;
import dev.cdcpipeline.features.FeatureView;

import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

class FeatureKafkaSinkTest {

    private static final KafkaSettings KAFKA =
            new KafkaSettings("localhost:9092", "{pipeline}.{database}.{table}", Delivery.EXACTLY_ONCE, Duration.ofMinutes(15), 1, "shop.dead-letters", Map.of());

    private static final FeatureView PRODUCTS = FeatureTableTest.view("product_sales", "status",
            List.of(new AggregateSettings("sold", AggregateFunction.COUNT, null)), "30m");

    @Test
    void routesEachRecordToItsViewsTopicKeyedByEntity() throws Exception {
        FeatureKafkaSink sink = new FeatureKafkaSink(KAFKA, "shop", List.of(customerOrders(), PRODUCTS));
        // The serializer travels to the task managers: it must survive Java serialization.
        FeatureKafkaSerializer serializer = InstantiationUtil.clone(
                new FeatureKafkaSerializer(Map.of(
                        "customer_orders", new FeatureKafkaSerializer.Route("cdc.customer_orders", FeatureRecordLayout.of(customerOrders())),
                        "product_sales", new FeatureKafkaSerializer.Route("cdc.product_sales", FeatureRecordLayout.of(PRODUCTS)))));

        ProducerRecord<byte[], byte[]> sold = serializer.serialize(
                new FeatureRecord("product_sales", "shipped", features("sold_30m", 3L), 1_000L, 2_000L, false), null, null);

        assertThat(sink.topics()).containsExactly("cdc.customer_orders", "cdc.product_sales");
        assertThat(sold.topic()).isEqualTo("cdc.product_sales");
        assertThat(new String(sold.key(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"shipped\"}");
        assertThat(new String(sold.value(), StandardCharsets.UTF_8)).startsWith("{\"status\":\"shipped\",\"sold_30m\":3,");
        assertThat(sold.partition()).isNull();
        assertThatThrownBy(() -> serializer.serialize(
                new FeatureRecord("unknown", 1L, features(), 1_000L, 2_000L, false), null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown");
    }

    @Test
    void usesItsOwnTransactionalIdPrefix() {
        FeatureKafkaSink sink = new FeatureKafkaSink(KAFKA, "shop", List.of(customerOrders()));

        assertThat(sink.transactionalIdPrefix()).isEqualTo("cdc-shop.features");
        assertThat(sink.kafkaSink()).isNotNull();
    }

    @Test
    void refusesAViewWithoutTopic() {
        FeatureViewSettings settings = customerOrders().settings();
        FeatureView noTopic = new FeatureView(settings, customerOrders().table(), null);

        assertThatThrownBy(() -> new FeatureKafkaSink(KAFKA, "shop", List.of(noTopic)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer_orders");
    }
}
