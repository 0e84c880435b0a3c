package dev.cdcpipeline.sink.warehouse;

import static dev.cdcpipeline.change.ChangeEvents.ORDERS;
import static dev.cdcpipeline.change.ChangeEvents.at;
import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class WarehouseRoutingTest {

    private static final OutputTag<ChangeEvent> ORDERS_TABLE = new OutputTag<>("orders", ChangeEventTypeInfo.INSTANCE);

    @Test
    void aValuePostgresCannotStoreGoesToTheDeadLettersAndTheOthersToTheirTable() throws Exception {
        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new WarehouseChangeSink.RouteByTable(Map.of(ORDERS, ORDERS_TABLE)))) {
            harness.setProcessingTime(5_000);
            harness.processElement(insert(1, row("id", 1L, "note", "fine")), 0);
            harness.processElement(insert(2, row("id", 2L, "note", "nul\u0000inside")), 0);
            harness.processElement(insert(3, row("id", 3L, "payload", new JsonText("{\"a\":\"\\u0000\"}"))), 0);
            harness.processElement(insert(4, row("id", 4L, "tags", List.of("ok", "x\u0000"))), 0);

            assertThat(harness.getSideOutput(ORDERS_TABLE)).extracting(record -> record.getValue().key())
                    .containsExactly(Map.of("id", 1L));
            List<DeadLetter> deadLetters = harness.getSideOutput(WarehouseChangeSink.DEAD_LETTERS).stream()
                    .map(StreamRecord::getValue).toList();
            assertThat(deadLetters).extracting(DeadLetter::stage).containsOnly("warehouse");
            assertThat(deadLetters).extracting(DeadLetter::reason).containsExactly(
                    "column 'note' holds the NUL character (U+0000), which PostgreSQL text and jsonb cannot store;"
                            + " the warehouse row keeps its previous version",
                    "column 'payload' holds the NUL character (U+0000), which PostgreSQL text and jsonb cannot store;"
                            + " the warehouse row keeps its previous version",
                    "column 'tags' holds the NUL character (U+0000), which PostgreSQL text and jsonb cannot store;"
                            + " the warehouse row keeps its previous version");
            assertThat(deadLetters.get(0).failedAtMillis()).isEqualTo(5_000);
        }
    }

    private static ChangeEvent insert(long id, Map<String, Object> after) {
        return new ChangeEvent(ORDERS, Operation.INSERT, row("id", id), null, after, at(id), 1_700_000_000_000L);
    }
}
