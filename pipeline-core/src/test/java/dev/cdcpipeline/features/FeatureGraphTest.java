package dev.cdcpipeline.features;

import static dev.cdcpipeline.features.Orders.insert;
import static dev.cdcpipeline.features.Orders.update;
import static dev.cdcpipeline.features.Orders.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.dedup.DedupFunction;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class FeatureGraphTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void runsTheViewOverItsTableAtParallelismTwo() throws Exception {
        // Every type on the way has its own serializer: a Kryo fallback fails the job.
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(2);
        Map<String, Object> a1 = recentOrder(1, "A");
        Map<String, Object> a2 = recentOrder(2, "A");
        Map<String, Object> b3 = recentOrder(3, "B");
        Map<String, Object> otherTable = recentOrder(4, "A");
        List<ChangeEvent> changes = List.of(insert(a1, 10), insert(a2, 20), insert(b3, 30),
                update(a2, with(a2, "customer", "B"), 40),
                insert(with(recentOrder(5, "A"), "customer", null), 50),
                new ChangeEvent(new TableId("mysql", "shop", "returns"), Operation.INSERT, Map.of("id", 4L), null,
                        otherTable, Orders.position(60), Orders.COMMITTED));

        // As in the job: one source reader in log order, then keyed by row through dedup at parallelism 2.
        DataStream<ChangeEvent> deduplicated = env.fromData(changes).setParallelism(1)
                .keyBy(ChangeEvent::partitionKey).process(new DedupFunction(Duration.ofHours(1)));

        FeatureStreams streams = FeatureGraph.build(deduplicated, OrderViews.customerOrders());
        DataStream<String> described = streams.records().map(new DescribeRecord())
                .union(streams.deadLetters().map(new DescribeDeadLetter()));

        List<String> output = new ArrayList<>();
        try (CloseableIterator<String> results = described.executeAndCollect()) {
            results.forEachRemaining(output::add);
        }

        // Changes of different rows may reach an entity in either order (a1 and a2 go through
        // different dedup instances), so only each entity's record count and final values are fixed.
        Map<String, List<String>> byEntity = new LinkedHashMap<>();
        for (String line : output) {
            byEntity.computeIfAbsent(line.substring(0, line.indexOf(' ')), entity -> new ArrayList<>()).add(line);
        }
        assertThat(byEntity.get("A")).hasSize(3).last().isEqualTo("A orders_1h=1 orders_24h=1");
        assertThat(byEntity.get("B")).containsExactly("B orders_1h=1 orders_24h=1", "B orders_1h=2 orders_24h=2");
        assertThat(byEntity.get("dead")).containsExactly(
                "dead letter: feature view customer_orders cannot place the row: after image: entity column 'customer' is null");
        assertThat(byEntity).containsOnlyKeys("A", "B", "dead");
    }

    @Test
    void everyOperatorHasAStableUidAndAName() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        FeatureStreams streams = FeatureGraph.build(env.fromData(insert(recentOrder(1, "A"), 1)), OrderViews.customerOrders());
        streams.records().print();
        streams.deadLetters().print();

        Map<String, String> operators = new LinkedHashMap<>();
        for (StreamNode node : env.getStreamGraph(false).getStreamNodes()) {
            operators.put(node.getOperatorName(), node.getTransformationUID());
        }

        assertThat(operators).containsEntry("Feature view customer_orders: changes of mysql:shop.orders", "features-customer_orders-table")
                .containsEntry("Feature view customer_orders: changes by customer", "features-customer_orders-entities")
                .containsEntry("Feature view customer_orders: features per customer", "features-customer_orders");
    }

    private static Map<String, Object> recentOrder(long id, String customer) {
        // The clock is the processing time: five minutes ago is inside the 1h window whenever the test runs.
        LocalDateTime fiveMinutesAgo = LocalDateTime.ofInstant(Instant.now().minusSeconds(300), ZoneOffset.UTC);
        return with(Orders.order(id, customer, "1.00", 1, "new", "p1", 0), "created_at", fiveMinutesAgo);
    }

    private static final class DescribeRecord implements MapFunction<FeatureRecord, String> {
        @Override
        public String map(FeatureRecord record) {
            return record.entity() + " orders_1h=" + record.features().get("orders_1h")
                    + " orders_24h=" + record.features().get("orders_24h");
        }
    }

    private static final class DescribeDeadLetter implements MapFunction<DeadLetter, String> {
        @Override
        public String map(DeadLetter letter) {
            return "dead letter: " + letter.reason();
        }
    }
}
