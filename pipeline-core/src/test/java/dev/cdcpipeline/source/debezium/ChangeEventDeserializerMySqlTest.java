package dev.cdcpipeline.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.deadletter.DeadLetter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.debezium.data.Envelope;
import io.debezium.data.Json;
import io.debezium.time.Date;
import io.debezium.time.MicroTime;
import io.debezium.time.MicroTimestamp;
import io.debezium.time.Timestamp;
import io.debezium.time.Year;
import io.debezium.time.ZonedTimestamp;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Debezium records built the way the MySQL connector builds them for each column type of the demo
 * schema (semantic type names and physical encodings as Debezium documents them).
 */
class ChangeEventDeserializerMySqlTest {

    private static final Schema ROW = SchemaBuilder.struct().name("shop.orders.Value")
            .field("id", Schema.INT64_SCHEMA)
            .field("tiny", Schema.OPTIONAL_INT16_SCHEMA)
            .field("small_unsigned", Schema.OPTIONAL_INT32_SCHEMA)
            .field("int_unsigned", Schema.OPTIONAL_INT64_SCHEMA)
            .field("big_signed", Schema.OPTIONAL_INT64_SCHEMA)
            .field("big_unsigned", Decimal.builder(0).optional().build())
            .field("amount", Decimal.builder(2).optional().build())
            .field("ratio", Schema.OPTIONAL_FLOAT64_SCHEMA)
            .field("flag", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("status", io.debezium.data.Enum.builder("new,paid").optional().build())
            .field("attrs", Json.builder().optional().build())
            .field("photo", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("birthday", Date.builder().optional().build())
            .field("ordered_ms", Timestamp.builder().optional().build())
            .field("ordered_us", MicroTimestamp.builder().optional().build())
            .field("created", ZonedTimestamp.builder().optional().build())
            .field("opens", MicroTime.builder().optional().build())
            .field("year", Year.builder().optional().build())
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("maria_json", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema KEY = SchemaBuilder.struct().name("shop.orders.Key").field("id", Schema.INT64_SCHEMA).build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.mysql.Source")
            .field("db", Schema.STRING_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA)
            .field("pos", Schema.INT64_SCHEMA)
            .field("row", Schema.OPTIONAL_INT32_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .build();
    private static final Envelope ENVELOPE =
            Envelope.defineSchema().withName("shop.orders.Envelope").withRecord(ROW).withSource(SOURCE).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChangeEventDeserializer deserializer = new ChangeEventDeserializer(
            "mysql", SourceDialect.MYSQL, Map.of(new TableId("mysql", "shop", "orders"), Set.of("maria_json")));

    @Test
    void mapsEveryColumnTypeExactly() {
        Struct after = fullRow(1L);

        ChangeEvent change = deserialize(record(ENVELOPE.create(after, source("mysql-bin.000007", 1234, 2, 1_732_500_000_000L), Instant.now())));

        assertThat(change.table()).isEqualTo(new TableId("mysql", "shop", "orders"));
        assertThat(change.operation()).isEqualTo(Operation.INSERT);
        assertThat(change.key()).isEqualTo(Map.of("id", 1L));
        assertThat(change.before()).isNull();
        assertThat(change.position()).isEqualTo(new SourcePosition(7, 1234, 2));
        assertThat(change.sourceTimestampMillis()).isEqualTo(1_732_500_000_000L);
        Map<String, Object> row = change.after();
        assertThat(row.keySet()).containsExactly("id", "tiny", "small_unsigned", "int_unsigned", "big_signed", "big_unsigned",
                "amount", "ratio", "flag", "name", "status", "attrs", "photo", "birthday", "ordered_ms", "ordered_us",
                "created", "opens", "year", "note", "maria_json");
        assertThat(row.get("tiny")).isEqualTo(-128L);
        assertThat(row.get("small_unsigned")).isEqualTo(65535L);
        assertThat(row.get("int_unsigned")).isEqualTo(4294967295L);
        assertThat(row.get("big_signed")).isEqualTo(Long.MIN_VALUE);
        assertThat(row.get("big_unsigned")).isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(row.get("amount")).isEqualTo(new BigDecimal("12345678.90"));
        assertThat(row.get("ratio")).isEqualTo(0.1d);
        assertThat(row.get("flag")).isEqualTo(true);
        assertThat(row.get("name")).isEqualTo("Zoë Ñúñez 東京");
        assertThat(row.get("status")).isEqualTo("paid");
        assertThat(row.get("attrs")).isEqualTo(new JsonText("{\"vip\":true}"));
        assertThat((byte[]) row.get("photo")).containsExactly(0, 1, 2, -1);
        assertThat(row.get("birthday")).isEqualTo(LocalDate.of(1961, 4, 12));
        assertThat(row.get("ordered_ms")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_000_000));
        assertThat(row.get("ordered_us")).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(row.get("created")).isEqualTo(Instant.parse("2024-03-31T01:30:00.654321Z"));
        assertThat(row.get("opens")).isEqualTo(LocalTime.of(8, 30, 0, 500_000));
        assertThat(row.get("year")).isEqualTo(2024L);
        assertThat(row).containsEntry("note", null);
        assertThat(row.get("maria_json")).isEqualTo(new JsonText("[1, \"ü\"]"));
    }

    @Test
    void readsSnapshotRowsUpdatesAndDeletes() {
        Struct before = fullRow(1L);
        Struct after = fullRow(1L).put("amount", new BigDecimal("1.00"));

        ChangeEvent read = deserialize(record(ENVELOPE.read(before, source("mysql-bin.000007", 100, 0, 0L), Instant.now())));
        ChangeEvent update = deserialize(record(ENVELOPE.update(before, after, source("mysql-bin.000007", 200, 0, 1L), Instant.now())));
        ChangeEvent delete = deserialize(record(ENVELOPE.delete(after, source("mysql-bin.000007", 300, 0, 2L), Instant.now())));

        assertThat(read.operation()).isEqualTo(Operation.SNAPSHOT_READ);
        assertThat(read.sourceTimestampMillis()).isZero();
        assertThat(update.operation()).isEqualTo(Operation.UPDATE);
        assertThat(update.before().get("amount")).isEqualTo(new BigDecimal("12345678.90"));
        assertThat(update.after().get("amount")).isEqualTo(new BigDecimal("1.00"));
        assertThat(update.isNoOpUpdate()).isFalse();
        assertThat(delete.operation()).isEqualTo(Operation.DELETE);
        assertThat(delete.after()).isNull();
        assertThat(delete.latestRow().get("amount")).isEqualTo(new BigDecimal("1.00"));
        assertThat(update.position().isAfter(read.position())).isTrue();
        assertThat(delete.position().isAfter(update.position())).isTrue();
    }

    @Test
    void byteBuffersBecomeByteArraysSoNoOpUpdatesCompareByContent() {
        Struct before = fullRow(1L).put("photo", ByteBuffer.wrap(new byte[] {9, 9}));
        Struct after = fullRow(1L).put("photo", ByteBuffer.wrap(new byte[] {9, 9}));

        ChangeEvent update = deserialize(record(ENVELOPE.update(before, after, source("mysql-bin.000001", 5, 0, 1L), Instant.now())));

        assertThat(update.isNoOpUpdate()).isTrue();
    }

    @Test
    void skipsTombstonesAndRecordsThatAreNotRowChanges() {
        List<Either<DeadLetter, ChangeEvent>> out = new ArrayList<>();
        Collector<Either<DeadLetter, ChangeEvent>> collector = collector(out);
        Schema heartbeat = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat").field("ts_ms", Schema.INT64_SCHEMA).build();

        deserializer.deserialize(new SourceRecord(Map.of(), Map.of(), "shop.orders", KEY, new Struct(KEY).put("id", 1L), null, null), collector);
        deserializer.deserialize(new SourceRecord(Map.of(), Map.of(), "heartbeat", null, null, heartbeat, new Struct(heartbeat).put("ts_ms", 1L)), collector);

        assertThat(out).isEmpty();
    }

    @Test
    void aValueItCannotMapIsADeadLetterNamingTheTableColumnAndPositionButNotTheValue() throws Exception {
        Schema geometryRow = SchemaBuilder.struct().name("shop.places.Value")
                .field("id", Schema.INT64_SCHEMA)
                .field("spot", SchemaBuilder.struct().name("io.debezium.data.geometry.Geometry").field("wkb", Schema.BYTES_SCHEMA).build())
                .build();
        Envelope envelope = Envelope.defineSchema().withName("shop.places.Envelope").withRecord(geometryRow).withSource(SOURCE).build();
        Struct row = new Struct(geometryRow).put("id", 1L)
                .put("spot", new Struct(geometryRow.field("spot").schema()).put("wkb", new byte[] {1, 2, 3}));

        DeadLetter deadLetter = deadLetterOf(record(envelope.create(row, source("mysql-bin.000002", 77, 0, 1L), Instant.now())));

        assertThat(deadLetter.stage()).isEqualTo("source");
        assertThat(deadLetter.table()).isEqualTo("mysql:shop.orders");
        assertThat(deadLetter.reason()).isEqualTo("Cannot read a change (op 'c') of mysql:shop.orders at mysql-bin.000002:77:"
                + " column 'spot' has a value of type STRUCT (io.debezium.data.geometry.Geometry) that the pipeline cannot map");
        // The record as Debezium encoded it, with the value it could not map and its position.
        JsonNode event = JSON.readTree(deadLetter.event());
        assertThat(event.get("topic").asText()).isEqualTo("shop.orders");
        assertThat(event.get("key").toString()).isEqualTo("{\"id\":1}");
        assertThat(event.at("/value/after").toString()).isEqualTo("{\"id\":1,\"spot\":{\"wkb\":\"AQID\"}}");
        assertThat(event.at("/value/before").isNull()).isTrue();
        assertThat(event.at("/value/op").asText()).isEqualTo("c");
        assertThat(event.at("/value/source").toString())
                .isEqualTo("{\"db\":\"shop\",\"table\":\"orders\",\"file\":\"mysql-bin.000002\",\"pos\":77,\"row\":0,\"ts_ms\":1}");
        assertThat(event.get("offset").toString()).isEqualTo("{\"file\":\"mysql-bin.000002\",\"pos\":77}");
    }

    @Test
    void aTimeThatIsADurationIsADeadLetterWithoutTheValue() {
        // MySQL's TIME holds -838:59:59 to 838:59:59; Debezium passes it on as microseconds.
        long hundredHours = 100 * 3600L * 1_000_000L;
        Struct tooLong = fullRow(1L).put("opens", hundredHours);
        Struct negative = fullRow(2L).put("opens", -1L);

        DeadLetter late = deadLetterOf(record(ENVELOPE.create(tooLong, source("mysql-bin.000003", 5, 1, 1L), Instant.now())));
        DeadLetter early = deadLetterOf(record(ENVELOPE.update(fullRow(2L), negative, source("mysql-bin.000003", 9, 0, 1L), Instant.now())));

        assertThat(late.reason()).isEqualTo("Cannot read a change (op 'c') of mysql:shop.orders at mysql-bin.000003:5: column 'opens' has"
                + " a TIME value outside 00:00:00 to 23:59:59.999999 (a duration or 24:00:00), which the pipeline carries only as"
                + " a time of day");
        assertThat(early.reason()).startsWith("Cannot read a change (op 'u') of mysql:shop.orders at mysql-bin.000003:9: column 'opens'");
        assertThat(late.reason() + early.reason()).doesNotContain(String.valueOf(hundredHours)).doesNotContain("-1");
        assertThat(late.event()).contains("\"opens\":" + hundredHours);
    }

    @Test
    void aValueThatFailsToParseIsADeadLetterWhoseReasonDoesNotQuoteIt() {
        Struct badTimestamp = fullRow(1L).put("created", "secret-looking text");

        DeadLetter deadLetter = deadLetterOf(record(ENVELOPE.create(badTimestamp, source("mysql-bin.000003", 5, 0, 1L), Instant.now())));

        assertThat(deadLetter.reason()).endsWith("column 'created' has a value of type STRING (io.debezium.time.ZonedTimestamp)"
                + " that the pipeline cannot read (DateTimeParseException)");
        assertThat(deadLetter.reason()).doesNotContain("secret-looking");
    }

    @Test
    void aRecordWithoutAKeyIsADeadLetter() {
        Struct envelope = ENVELOPE.create(fullRow(1L), source("mysql-bin.000003", 5, 0, 1L), Instant.now());

        DeadLetter deadLetter = deadLetterOf(new SourceRecord(Map.of(), Map.of(), "shop.orders", null, null, envelope.schema(), envelope));

        assertThat(deadLetter.reason()).isEqualTo("Cannot read a change (op 'c') of mysql:shop.orders at mysql-bin.000003:5:"
                + " the change record has no primary key");
        assertThat(deadLetter.event()).startsWith("{\"topic\":\"shop.orders\",\"key\":null,\"value\":{");
    }

    @Test
    void theSameRecordGivesTheSameDeadLetterText() {
        Struct tooLong = fullRow(1L).put("opens", 100 * 3600L * 1_000_000L);
        Instant sameTime = Instant.parse("2026-01-01T00:00:00Z");

        DeadLetter first = deadLetterOf(record(ENVELOPE.create(tooLong, source("mysql-bin.000003", 5, 0, 1L), sameTime)));
        DeadLetter again = deadLetterOf(record(ENVELOPE.create(tooLong, source("mysql-bin.000003", 5, 0, 1L), sameTime)));

        assertThat(again.event()).isEqualTo(first.event());
        assertThat(again.reason()).isEqualTo(first.reason());
    }

    private static Struct fullRow(long id) {
        return new Struct(ROW)
                .put("id", id)
                .put("tiny", (short) -128)
                .put("small_unsigned", 65535)
                .put("int_unsigned", 4294967295L)
                .put("big_signed", Long.MIN_VALUE)
                .put("big_unsigned", new BigDecimal("18446744073709551615"))
                .put("amount", new BigDecimal("12345678.90"))
                .put("ratio", 0.1d)
                .put("flag", true)
                .put("name", new String("Zoë Ñúñez 東京".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .put("status", "paid")
                .put("attrs", "{\"vip\":true}")
                .put("photo", new byte[] {0, 1, 2, -1})
                .put("birthday", (int) LocalDate.of(1961, 4, 12).toEpochDay())
                .put("ordered_ms", LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_000_000).toInstant(java.time.ZoneOffset.UTC).toEpochMilli())
                .put("ordered_us", -1L)
                .put("created", "2024-03-31T01:30:00.654321Z")
                .put("opens", (8 * 3600L + 30 * 60) * 1_000_000L + 500)
                .put("year", 2024)
                .put("maria_json", "[1, \"ü\"]");
    }

    private static Struct source(String file, long pos, int row, long tsMillis) {
        return new Struct(SOURCE).put("db", "shop").put("table", "orders").put("file", file).put("pos", pos).put("row", row).put("ts_ms", tsMillis);
    }

    private static SourceRecord record(Struct envelope) {
        Struct after = envelope.getStruct("after");
        Struct key = new Struct(KEY).put("id", (after != null ? after : envelope.getStruct("before")).getInt64("id"));
        Struct source = envelope.getStruct("source");
        Map<String, Object> offset = new java.util.LinkedHashMap<>();
        offset.put("file", source.getString("file"));
        offset.put("pos", source.getInt64("pos"));
        return new SourceRecord(Map.of(), offset, "shop.orders", KEY, key, envelope.schema(), envelope);
    }

    private ChangeEvent deserialize(SourceRecord record) {
        Either<DeadLetter, ChangeEvent> result = deserializeOne(record);
        assertThat(result.isRight()).as("a change, not %s", result).isTrue();
        return result.right();
    }

    private DeadLetter deadLetterOf(SourceRecord record) {
        Either<DeadLetter, ChangeEvent> result = deserializeOne(record);
        assertThat(result.isLeft()).as("a dead letter, not %s", result).isTrue();
        return result.left();
    }

    private Either<DeadLetter, ChangeEvent> deserializeOne(SourceRecord record) {
        List<Either<DeadLetter, ChangeEvent>> out = new ArrayList<>();
        deserializer.deserialize(record, collector(out));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static <T> Collector<T> collector(List<T> out) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
    }
}
