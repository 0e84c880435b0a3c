package dev.cdcpipeline.sink.kafka;

import static dev.cdcpipeline.change.ChangeEvents.ORDERS;
import static dev.cdcpipeline.change.ChangeEvents.at;
import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.deadletter.DeadLetter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

class RecordSizeGuardTest {

    @Test
    void aRecordTooLargeForTheProducerIsADeadLetterWithoutItsRows() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(new RecordSizeGuard(4096))) {
            harness.setProcessingTime(7_000);
            harness.processElement(update(1, "x".repeat(100)), 0);
            harness.processElement(update(2, "x".repeat(5_000)), 0);
            // Below the cheap bound's threshold only when measured exactly: 700 chars that JSON writes 1:1.
            harness.processElement(update(3, "y".repeat(700)), 0);

            assertThat(harness.extractOutputValues()).extracting(ChangeEvent::key)
                    .containsExactly(Map.of("id", 1L), Map.of("id", 3L));
            List<DeadLetter> deadLetters = harness.getSideOutput(RecordSizeGuard.DEAD_LETTERS).stream()
                    .map(StreamRecord::getValue).toList();
            assertThat(deadLetters).hasSize(1);
            DeadLetter deadLetter = deadLetters.get(0);
            assertThat(deadLetter.stage()).isEqualTo("kafka");
            assertThat(deadLetter.reason()).contains("more than the 3584 a Kafka producer with max.request.size 4096 sends");
            JsonNode event = new ObjectMapper().readTree(deadLetter.event());
            assertThat(event.at("/key/id").asLong()).isEqualTo(2);
            assertThat(event.get("after").isNull()).isTrue();
            assertThat(event.get("rows_omitted").asBoolean()).isTrue();
            assertThat(deadLetter.event().length()).isLessThan(1_000);
        }
    }

    @Test
    void theCheapBoundIsNeverBelowTheRecordsSize() {
        Random random = new Random(17);
        for (int i = 0; i < 500; i++) {
            ChangeEvent change = new ChangeEvent(ORDERS, Operation.UPDATE, row("id", (long) i),
                    randomRow(random, i), randomRow(random, i), at(i), 1_700_000_000_000L);
            long exact = ChangeEventJson.key(change).length + ChangeEventJson.value(change, "postgresql", Long.MAX_VALUE).length;
            assertThat(RecordSizeGuard.upperBound(change)).as("change %d", i).isGreaterThanOrEqualTo(exact);
        }
    }

    private static Map<String, Object> randomRow(Random random, long id) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < random.nextInt(200); c++) {
            // control characters, quotes, non-Latin letters and emoji: what JSON escaping and UTF-8 make longest
            text.appendCodePoint(switch (random.nextInt(5)) {
                case 0 -> random.nextInt(32);
                case 1 -> '"';
                case 2 -> 0x4e00 + random.nextInt(100);
                case 3 -> 0x1f680 + random.nextInt(50);
                default -> 'a' + random.nextInt(26);
            });
        }
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return row("id", id, "note", text.toString(), "blob", bytes, "payload", new JsonText("{\"k\":\"" + "é".repeat(random.nextInt(50)) + "\"}"),
                "amount", new BigDecimal(random.nextInt()).movePointLeft(random.nextInt(30)),
                "tags", List.of("a", text.toString()), "at", Instant.ofEpochMilli(random.nextLong() >>> 20), "none", null);
    }

    private static ChangeEvent update(long id, String note) {
        return new ChangeEvent(ORDERS, Operation.UPDATE, row("id", id), row("id", id, "note", "old"), row("id", id, "note", note),
                at(id), 1_700_000_000_000L);
    }
}
