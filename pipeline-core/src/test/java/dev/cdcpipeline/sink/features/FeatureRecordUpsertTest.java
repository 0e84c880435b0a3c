package dev.cdcpipeline.sink.features;

import static dev.cdcpipeline.sink.features.FeatureRecordJsonTest.features;
import static dev.cdcpipeline.sink.features.FeatureTableTest.customerOrders;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.features.FeatureRecord;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

class FeatureRecordUpsertTest {

    @Test
    void bindsEntityFeaturesAndMetadataInColumnOrder() throws Exception {
        FeatureTable latest = FeatureTable.of(customerOrders(), "features", FeatureTable.Kind.LATEST);
        // The statement travels to the task managers: it must survive Java serialization.
        FeatureRecordUpsert upsert = InstantiationUtil.clone(new FeatureRecordUpsert(latest));
        List<String> calls = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, arguments) -> {
                    calls.add(method.getName() + "(" + arguments[0] + ", " + arguments[1] + ")");
                    return null;
                });

        upsert.statement(statement, new FeatureRecord("customer_orders", 42L,
                features("orders_1h", 2L, "spend_1h", new BigDecimal("25.50"), "spend_24h", null),
                1_000L, 2_500L, true));

        assertThat(upsert.query()).isEqualTo(latest.upsertStatement());
        assertThat(calls).containsExactly(
                "setLong(1, 42)",
                "setLong(2, 2)",
                "setNull(3, 1111)",
                "setBigDecimal(4, 25.50)",
                "setNull(5, 1111)",
                "setObject(6, " + OffsetDateTime.of(1970, 1, 1, 0, 0, 1, 0, ZoneOffset.UTC) + ")",
                "setObject(7, " + OffsetDateTime.of(1970, 1, 1, 0, 0, 2, 500_000_000, ZoneOffset.UTC) + ")",
                "setBoolean(8, true)");
    }
}
