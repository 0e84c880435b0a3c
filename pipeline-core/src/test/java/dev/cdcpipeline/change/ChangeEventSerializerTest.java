package dev.cdcpipeline.change;

import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.serialization.ChangeEventSerializer;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;

class ChangeEventSerializerTest {

    private static final Map<String, Object> EVERY_KIND = row(
            "id", 42L,
            "unsigned_max", new BigDecimal("18446744073709551615"),
            "amount", new BigDecimal("-12345.67"),
            "ratio", 0.125d,
            "active", true,
            "name", "Zoë 東京 \uD83D\uDE80" + "x".repeat(70_000),
            "attrs", new JsonText("{\"a\":[1,2]}"),
            "photo", new byte[] {0, 1, -1, 127},
            "birthday", LocalDate.of(1969, 12, 31),
            "opens", LocalTime.of(23, 59, 59, 999_999_000),
            "ordered", LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_789_000),
            "created", Instant.parse("1965-03-01T00:00:00.000001Z"),
            "note", null);

    @Test
    void roundTripsEveryKindOfValue() throws Exception {
        ChangeEvent update = new ChangeEvent(new TableId("mysql", "shop", "orders"), Operation.UPDATE, row("id", 42L),
                EVERY_KIND, EVERY_KIND, SourcePosition.ofBinlog("mysql-bin.000003", 4711, 2), 1_732_500_000_000L);

        ChangeEvent copy = roundTrip(update);

        assertThat(copy.table()).isEqualTo(update.table());
        assertThat(copy.operation()).isEqualTo(Operation.UPDATE);
        assertThat(copy.key()).isEqualTo(update.key());
        assertThat(RowValues.sameRow(copy.before(), EVERY_KIND)).isTrue();
        assertThat(RowValues.sameRow(copy.after(), EVERY_KIND)).isTrue();
        assertThat(copy.after().keySet()).containsExactlyElementsOf(EVERY_KIND.keySet());
        assertThat(copy.position()).isEqualTo(update.position());
        assertThat(copy.sourceTimestampMillis()).isEqualTo(1_732_500_000_000L);
    }

    @Test
    void keepsAbsentRowsAbsent() throws Exception {
        ChangeEvent delete = ChangeEvents.delete(7, 10, 99);

        ChangeEvent copy = roundTrip(delete);

        assertThat(copy.after()).isNull();
        assertThat(copy.before()).isEqualTo(delete.before());
    }

    @Test
    void writesTheSameBytesToAStreamAsToMemory() throws Exception {
        // Checkpoints write to streams, the network to memory; both read with one format.
        ChangeEvent update = new ChangeEvent(new TableId("mysql", "shop", "orders"), Operation.UPDATE, row("id", 42L),
                EVERY_KIND, EVERY_KIND, SourcePosition.ofBinlog("mysql-bin.000003", 4711, 2), 1_732_500_000_000L);
        DataOutputSerializer memory = new DataOutputSerializer(128);
        ChangeEventSerializer.INSTANCE.serialize(update, memory);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        DataOutputViewStreamWrapper streamView = new DataOutputViewStreamWrapper(stream);
        ChangeEventSerializer.INSTANCE.serialize(update, streamView);
        ChangeEventSerializer.INSTANCE.serialize(ChangeEvents.delete(7, 10, 99), streamView);

        assertThat(Arrays.copyOf(stream.toByteArray(), memory.length())).isEqualTo(memory.getCopyOfBuffer());
        DataInputDeserializer in = new DataInputDeserializer(stream.toByteArray());
        assertThat(RowValues.sameRow(ChangeEventSerializer.INSTANCE.deserialize(in).after(), EVERY_KIND)).isTrue();
        assertThat(ChangeEventSerializer.INSTANCE.deserialize(in).before()).isEqualTo(ChangeEvents.delete(7, 10, 99).before());
        assertThat(in.available()).isZero();
    }

    @Test
    void flinkPicksThisSerializerForChangeEvents() {
        assertThat(TypeInformation.of(ChangeEvent.class)).isEqualTo(ChangeEventTypeInfo.INSTANCE);
    }

    private static ChangeEvent roundTrip(ChangeEvent event) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(128);
        ChangeEventSerializer.INSTANCE.serialize(event, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        ChangeEvent copy = ChangeEventSerializer.INSTANCE.deserialize(in);
        assertThat(in.available()).isZero();
        return copy;
    }
}
