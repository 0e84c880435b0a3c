package dev.cdcpipeline.source.debezium;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Right after a source: its changes go on, the records it could not read (see
 * {@link ChangeEventDeserializer}) to the dead-letter output, counted in {@code source.deadLetters}
 * (a {@code source} key-value group: one Prometheus series per source, labelled with its name).
 * Stateless and chained to the source, so it costs a type check per record.
 */
public final class SourceDeadLetterSplit extends ProcessFunction<Either<DeadLetter, ChangeEvent>, ChangeEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("source-dead-letters", TypeInformation.of(DeadLetter.class));
    public static final String METRIC_GROUP = "source";
    public static final String COUNTER = "deadLetters";

    private final String sourceName;
    private transient Counter deadLetters;

    public SourceDeadLetterSplit(String sourceName) {
        this.sourceName = sourceName;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().addGroup(METRIC_GROUP, sourceName).counter(COUNTER);
    }

    @Override
    public void processElement(Either<DeadLetter, ChangeEvent> record, Context context, Collector<ChangeEvent> out) {
        if (record.isRight()) {
            out.collect(record.right());
            return;
        }
        deadLetters.inc();
        context.output(DEAD_LETTERS, record.left());
    }
}
