package dev.cdcpipeline.transform;

import static dev.cdcpipeline.change.ChangeEvents.ORDERS;
import static dev.cdcpipeline.change.ChangeEvents.insert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.TablePattern;
import dev.cdcpipeline.config.TransformSettings;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

class TransformFunctionTest {

    private static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));
    private static final SourceTable ORDERS_TABLE = new SourceTable(ORDERS, List.of(
            new SourceColumn("id", "bigint", false, 0, 0, 0, 0, false, false),
            new SourceColumn("amount", "bigint", false, 0, 0, 0, 0, true, false)), List.of("id"));

    @Test
    void passesFiltersAndSetsAsideWhatAnExpressionCannotEvaluate() throws Exception {
        TableTransform transform = TransformCompiler.compile("transforms[0]", new TransformSettings(
                TablePattern.parse("shop.orders"), null, "1000 / amount > 10", Map.of(), Map.of(), null,
                false, ZoneId.of("UTC"), false, List.of(), List.of(), Map.of()), ORDERS_TABLE);
        TableId untransformed = new TableId("mysql", "shop", "customers");
        ChangeEvent customer = new ChangeEvent(untransformed, insert(9, 1, 9).operation(), Map.of("id", 9L), null,
                Map.of("id", 9L, "amount", 0L), insert(9, 1, 9).position(), 0);

        try (OneInputStreamOperatorTestHarness<ChangeEvent, ChangeEvent> harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new TransformFunction(Map.of(ORDERS, transform), DEAD_LETTERS))) {
            harness.setProcessingTime(1_000);
            harness.processElement(insert(1, 50, 1), 0);   // 1000 / 50 = 20: passes
            harness.processElement(insert(2, 500, 2), 0);  // 2: filtered out
            harness.processElement(insert(3, 0, 3), 0);    // division by zero: dead letter
            harness.processElement(customer, 0);           // no transform: passes unchanged

            assertThat(harness.extractOutputValues()).extracting(ChangeEvent::key)
                    .containsExactly(Map.of("id", 1L), Map.of("id", 9L));
            List<DeadLetter> deadLetters = harness.getSideOutput(DEAD_LETTERS).stream().map(StreamRecord::getValue).toList();
            assertThat(deadLetters).hasSize(1);
            assertThat(deadLetters.get(0).stage()).isEqualTo("transform");
            assertThat(deadLetters.get(0).reason()).contains("division by zero");
            assertThat(deadLetters.get(0).table()).isEqualTo("mysql:shop.orders");
            assertThat(deadLetters.get(0).event()).contains("\"key\":{\"id\":3}").contains("\"amount\":0");
            assertThat(deadLetters.get(0).failedAtMillis()).isEqualTo(1_000);
        }
    }
}
