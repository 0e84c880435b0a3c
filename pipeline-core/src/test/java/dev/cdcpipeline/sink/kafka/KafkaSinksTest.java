package dev.cdcpipeline.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.config.Delivery;
import dev.cdcpipeline.config.KafkaSettings;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaSinksTest {

    @Test
    void producersBatchUpTo256KibWaitingUpTo20MsAndTheTransactionTimeoutIsTheSettingsOne() {
        Properties producer = KafkaSinks.producerProperties(settings(Map.of("security.protocol", "SASL_SSL")));

        assertThat(producer)
                .containsEntry("linger.ms", "20")
                .containsEntry("batch.size", "262144")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("transaction.timeout.ms", "600000");
    }

    @Test
    void theUsersPropertiesOverrideTheBatchingDefaults() {
        Properties producer = KafkaSinks.producerProperties(settings(Map.of("linger.ms", "0", "batch.size", "16384")));

        assertThat(producer).containsEntry("linger.ms", "0").containsEntry("batch.size", "16384");
    }

    private static KafkaSettings settings(Map<String, String> properties) {
        return new KafkaSettings("localhost:9092", "{pipeline}.{database}.{table}", Delivery.EXACTLY_ONCE, Duration.ofMinutes(10), 1,
                "shop.dead-letters", properties);
    }
}
