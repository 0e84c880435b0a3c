package dev.cdcpipeline.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.RowValues;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.DeleteMode;
import dev.cdcpipeline.config.Delivery;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.FeatureWindow;
import dev.cdcpipeline.config.KafkaSettings;
import dev.cdcpipeline.config.Secret;
import dev.cdcpipeline.config.TablePattern;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.features.FeatureRecord;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.features.serialization.FeatureRecordTypeInfo;
import dev.cdcpipeline.local.examples.LatestFeatureVectors;
import dev.cdcpipeline.local.infra.EmbeddedKafka;
import dev.cdcpipeline.local.infra.EmbeddedPostgresServer;
import dev.cdcpipeline.local.verify.CommittedTopicReader;
import dev.cdcpipeline.local.verify.CommittedTopicReader.JsonRecord;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.features.FeatureKafkaSink;
import dev.cdcpipeline.sink.features.FeatureRecordJson;
import dev.cdcpipeline.sink.features.FeatureTable;
import dev.cdcpipeline.sink.features.FeatureWarehouseSetup;
import dev.cdcpipeline.sink.features.FeatureWarehouseSink;
import dev.cdcpipeline.sink.kafka.KafkaTopicSetup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The feature sinks in a Flink job (parallelism 2, exactly-once checkpoints) against a real Kafka
 * broker and a real PostgreSQL: hand-built records of two views, some out of order, one recomputed
 * for the same instant, two marking an entity's last record. Read back, the topics hold each
 * record exactly once, the latest tables each entity's newest record, the history tables every
 * instant, and the consumer example the vectors of the entities still alive, also when the job
 * failed once and ran again.
 */
class FeatureSinksITCase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private static final String NULL = "<null>";

    /** Decimals as written, so 25.50 stays 25.50. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final SourceTable ORDERS = new SourceTable(new TableId("mysql", "shop", "orders"), List.of(
            new SourceColumn("id", "bigint", false, 0, 0, 0, 0, false, false),
            new SourceColumn("customer_id", "bigint", false, 0, 0, 0, 0, false, false),
            new SourceColumn("amount", "decimal", false, 0, 10, 2, 0, true, false),
            new SourceColumn("status", "varchar", false, 20, 0, 0, 0, false, false),
            new SourceColumn("created_at", "timestamp", false, 0, 0, 0, 3, false, false)), List.of("id"));

    @TempDir
    static Path workDirectory;

    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = EmbeddedKafka.start(workDirectory.resolve("kafka"));
        postgres = EmbeddedPostgresServer.start(workDirectory.resolve("postgres"));
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void recordsReachTopicsAndTablesOnceAndTheLatestWins() throws Exception {
        runAndVerify("plain", null);
    }

    @Test
    void aFailureAndRestartNeitherDuplicateNorLoseRecords() throws Exception {
        // The restarted job replays every record: Kafka must hold them once, the tables as before.
        runAndVerify("failover", "customer_orders/1/10:20");
    }

    private void runAndVerify(String name, String failFirstAttemptAt) throws Exception {
        List<FeatureView> views = List.of(customerOrders(name), orderStatus(name));
        KafkaSettings kafkaSettings = new KafkaSettings(kafka.bootstrapServers(), "{pipeline}.{database}.{table}",
                Delivery.EXACTLY_ONCE, Duration.ofMinutes(1), 2, name + ".dead-letters", Map.of());
        WarehouseSettings warehouse = new WarehouseSettings(postgres.jdbcUrl("postgres"), postgres.user(),
                Secret.of(postgres.password()), "features_" + name, "{table}", DeleteMode.SOFT, 3, Duration.ofMillis(200), 0);
        FeatureKafkaSink kafkaSink = new FeatureKafkaSink(kafkaSettings, name, views);
        FeatureWarehouseSink warehouseSink = new FeatureWarehouseSink(warehouse, views);
        KafkaTopicSetup.createMissingTopics(kafkaSettings, kafkaSink.topics());
        FeatureWarehouseSetup.createMissingTables(warehouse, views);
        List<FeatureRecord> records = records();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, flinkConfiguration(failFirstAttemptAt != null));
        // One source subtask, then keyed by entity as a view's operator is: each entity's records reach the sinks in order.
        DataStream<FeatureRecord> features = env.fromData(records, FeatureRecordTypeInfo.INSTANCE).setParallelism(1)
                .keyBy(new ViewAndEntity())
                .map(new FailFirstAttemptAt(failFirstAttemptAt), FeatureRecordTypeInfo.INSTANCE).uid("features").name("features");
        kafkaSink.attachTo(features);
        warehouseSink.attachTo(features);
        env.execute("feature sinks " + name);

        for (FeatureView view : views) {
            List<FeatureRecord> ofView = records.stream().filter(record -> record.view().equals(view.name())).toList();
            List<JsonRecord> committed = CommittedTopicReader.readAll(kafka.bootstrapServers(), Map.of(), view.topic());
            assertThat(committed).as("records on %s", view.topic())
                    .containsExactlyInAnyOrderElementsOf(ofView.stream().map(record -> asJson(view, record)).toList());
            // One partition per entity, in the order the view emitted them.
            assertThat(valuesByKey(committed)).isEqualTo(valuesByKey(ofView.stream().map(record -> asJson(view, record)).toList()));

            FeatureTable latest = FeatureTable.of(view, warehouse.schema(), FeatureTable.Kind.LATEST);
            FeatureTable history = FeatureTable.of(view, warehouse.schema(), FeatureTable.Kind.HISTORY);
            awaitEqual("rows of " + latest.name(), () -> dump(warehouse, latest), expectedRows(latest, newestPer(ofView, false)));
            awaitEqual("rows of " + history.name(), () -> dump(warehouse, history), expectedRows(history, newestPer(ofView, true)));
        }
        assertThat(dump(warehouse, FeatureTable.of(views.get(0), warehouse.schema(), FeatureTable.Kind.LATEST)))
                .as("customer 1 at 10:20, not the late 10:10").contains("1|3|30.00|" + millis("09:59:00.123") + "|" + millis("10:20")
                        + "|" + (millis("10:20") + 1_000) + "|false");

        try (LatestFeatureVectors latest = new LatestFeatureVectors(kafka.bootstrapServers(), views.get(0).topic(), true)) {
            Map<String, JsonNode> expected = Map.of(
                    "{\"customer_id\":1}", asJson(views.get(0), records.get(4)).value(),
                    "{\"customer_id\":3}", asJson(views.get(0), records.get(7)).value());
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!latest.vectors().equals(expected) && System.nanoTime() < deadline) {
                latest.poll(Duration.ofMillis(500));
            }
            // Customer 2 had its last record; customer 1's late 10:10 record did not replace 10:20.
            assertThat(latest.vectors()).isEqualTo(expected);
            assertThat(latest.vectors().get("{\"customer_id\":3}").get("spend_1h").toString()).isEqualTo("8.00");
        }
    }

    private static Configuration flinkConfiguration(boolean restartOnce) {
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.interval", "100ms");
        configuration.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
        if (restartOnce) {
            configuration.setString("restart-strategy.type", "fixed-delay");
            configuration.setString("restart-strategy.fixed-delay.attempts", "1");
            configuration.setString("restart-strategy.fixed-delay.delay", "100ms");
        } else {
            configuration.setString("restart-strategy.type", "none");
        }
        return configuration;
    }

    /**
     * Sent in this order. Customer 1's 10:10 record comes after its 10:20 one (late); customer 3's
     * 10:02 values are computed twice; customer 2 and status "new" end with their last record.
     */
    private static List<FeatureRecord> records() {
        return List.of(
                customer(1, "10:00", 0, false, 1, "10.00", "09:59:00.123"),
                customer(2, "10:01", 0, false, 1, "5.00", "10:00:30"),
                customer(1, "10:05", 0, false, 2, "25.50", "09:59:00.123"),
                status("paid", "10:00", false, 1, "10.00"),
                customer(1, "10:20", 0, false, 3, "30.00", "09:59:00.123"),
                customer(1, "10:10", 5_000, false, 2, "20.00", "09:59:00.123"),
                customer(3, "10:02", 0, false, 1, "7.25", "10:01:00"),
                customer(3, "10:02", 4_000, false, 1, "8.00", "10:01:00"),
                status("paid", "10:03", false, 2, "12.00"),
                status("new", "10:04", false, 0, null),
                customer(2, "11:01", 0, true, 0, "0", null),
                status("new", "10:34", true, 0, null));
    }

    private static FeatureView customerOrders(String name) {
        return view("customer_orders", "customer_id", name, "1h", List.of(
                new AggregateSettings("orders", AggregateFunction.COUNT, null),
                new AggregateSettings("spend", AggregateFunction.SUM, "amount"),
                new AggregateSettings("first_order", AggregateFunction.MIN, "created_at")));
    }

    private static FeatureView orderStatus(String name) {
        return view("order_status", "status", name, "30m", List.of(
                new AggregateSettings("orders", AggregateFunction.COUNT, null),
                new AggregateSettings("top", AggregateFunction.MAX, "amount")));
    }

    private static FeatureView view(String view, String entity, String pipeline, String window, List<AggregateSettings> aggregates) {
        FeatureViewSettings settings = new FeatureViewSettings(view, new TablePattern("shop", "orders"), null, entity, null,
                ZoneId.of("UTC"), List.of(FeatureWindow.parse(window)), Duration.ofHours(1), aggregates);
        return new FeatureView(settings, ORDERS, pipeline + ".features." + view);
    }

    /** Computed one second after the instant it holds for, plus {@code laterMillis}. */
    private static FeatureRecord customer(long id, String validAt, long laterMillis, boolean last, long orders, String spend,
            String firstOrder) {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("orders_1h", orders);
        features.put("spend_1h", new BigDecimal(spend));
        features.put("first_order_1h", firstOrder == null ? null : Instant.ofEpochMilli(millis(firstOrder)));
        return new FeatureRecord("customer_orders", id, features, millis(validAt), millis(validAt) + 1_000 + laterMillis, last);
    }

    private static FeatureRecord status(String status, String validAt, boolean last, long orders, String top) {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("orders_30m", orders);
        features.put("top_30m", top == null ? null : new BigDecimal(top));
        return new FeatureRecord("order_status", status, features, millis(validAt), millis(validAt) + 1_000, last);
    }

    /** A time of 2026-11-25 in UTC as epoch milliseconds. */
    private static long millis(String time) {
        return DAY.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static JsonRecord asJson(FeatureView view, FeatureRecord record) {
        try {
            return new JsonRecord(JSON.readTree(FeatureRecordJson.key(view, record)), JSON.readTree(FeatureRecordJson.value(view, record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<JsonNode, List<JsonNode>> valuesByKey(List<JsonRecord> records) {
        return records.stream().collect(Collectors.groupingBy(JsonRecord::key, LinkedHashMap::new,
                Collectors.mapping(JsonRecord::value, Collectors.toList())));
    }

    /**
     * Per entity (and, for the history, per instant) the record a guarded upsert keeps: the
     * greatest valid_at, then the greatest computed_at.
     */
    private static List<FeatureRecord> newestPer(List<FeatureRecord> records, boolean perInstant) {
        Function<FeatureRecord, String> key = record -> RowValues.toKeyText(record.entity()) + (perInstant ? "@" + record.validAtMillis() : "");
        Comparator<FeatureRecord> newer = Comparator.comparingLong(FeatureRecord::validAtMillis).thenComparingLong(FeatureRecord::computedAtMillis);
        Map<String, FeatureRecord> newest = new HashMap<>();
        for (FeatureRecord record : records) {
            newest.merge(key.apply(record), record, (held, next) -> newer.compare(next, held) >= 0 ? next : held);
        }
        return List.copyOf(newest.values());
    }

    private static List<String> expectedRows(FeatureTable table, List<FeatureRecord> records) {
        return records.stream().map(record -> {
            List<String> values = new ArrayList<>();
            values.add(text(record.entity()));
            table.features().forEach(column -> values.add(text(record.features().get(column.name()))));
            values.add(String.valueOf(record.validAtMillis()));
            values.add(String.valueOf(record.computedAtMillis()));
            values.add(String.valueOf(record.last()));
            return String.join("|", values);
        }).sorted().toList();
    }

    private static String text(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return String.valueOf(instant.toEpochMilli());
        }
        return value.toString();
    }

    /** Every row as {@code entity|features...|valid_at ms|computed_at ms|last}, timestamps as epoch milliseconds, sorted. */
    private static List<String> dump(WarehouseSettings warehouse, FeatureTable table) {
        List<String> columns = new ArrayList<>();
        columns.add(quote(table.entity().name()) + "::text");
        table.features().forEach(column -> columns.add(column.sqlType().startsWith("timestamptz")
                ? epochMillis(quote(column.name())) : quote(column.name()) + "::text"));
        columns.add(epochMillis(quote(FeatureTable.VALID_AT)));
        columns.add(epochMillis(quote(FeatureTable.COMPUTED_AT)));
        columns.add(quote(FeatureTable.LAST) + "::text");
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(warehouse.url(), warehouse.username(), warehouse.password().value());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table.qualifiedName())) {
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    values.add(Objects.requireNonNullElse(result.getString(i), NULL));
                }
                rows.add(String.join("|", values));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + table.qualifiedName(), e);
        }
        return rows.stream().sorted().toList();
    }

    private static String epochMillis(String column) {
        return "(EXTRACT(EPOCH FROM " + column + ") * 1000)::bigint::text";
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static <T> void awaitEqual(String what, Supplier<T> actual, T expected) throws InterruptedException {
        try {
            PipelineTestSupport.awaitCondition(what, () -> actual.get().equals(expected));
        } catch (AssertionError timedOut) {
            // Fall through: the assertion below shows how they differ.
        }
        assertThat(actual.get()).as(what).isEqualTo(expected);
    }

    /** The key a view's operator partitions by: the view and the entity. */
    static final class ViewAndEntity implements KeySelector<FeatureRecord, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(FeatureRecord record) {
            return record.view() + "/" + RowValues.toKeyText(record.entity());
        }
    }

    /**
     * Passes records on; in the job's first attempt, fails on the record {@code view/entity/HH:mm}
     * (its valid_at), after the records before it went to the sinks.
     */
    static final class FailFirstAttemptAt extends RichMapFunction<FeatureRecord, FeatureRecord> {
        private static final long serialVersionUID = 1L;
        private final String failAt;

        FailFirstAttemptAt(String failAt) {
            this.failAt = failAt;
        }

        @Override
        public FeatureRecord map(FeatureRecord record) {
            if (failAt != null && getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                    && failAt.equals(record.view() + "/" + RowValues.toKeyText(record.entity()) + "/"
                            + FeatureRecordJson.timestamp(record.validAtMillis()).substring(11, 16))) {
                throw new IllegalStateException("Failing on purpose at " + failAt);
            }
            return record;
        }
    }
}
