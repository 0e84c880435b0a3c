package dev.cdcpipeline.transform;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.transform.expression.ExpressionEvaluationException;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.HashMap;
import java.util.Map;

/**
 * Applies each table's {@link TableTransform}; tables without one pass unchanged. Stateless. A
 * change an expression cannot be evaluated on (a division by zero, a text that is not a number)
 * goes to the dead-letter output with the reason, and the pipeline goes on.
 */
public final class TransformFunction extends ProcessFunction<ChangeEvent, ChangeEvent> {

    private static final long serialVersionUID = 1L;

    public static final String STAGE = "transform";
    public static final String METRIC_GROUP = "transform";

    private final HashMap<TableId, TableTransform> transformByTable;
    private final OutputTag<DeadLetter> deadLetters;

    private transient Counter rowsFilteredOut;
    private transient Counter noOpUpdatesDropped;
    private transient Counter deadLettered;

    public TransformFunction(Map<TableId, TableTransform> transformByTable, OutputTag<DeadLetter> deadLetters) {
        this.transformByTable = new HashMap<>(transformByTable);
        this.deadLetters = deadLetters;
    }

    @Override
    public void open(Configuration parameters) {
        MetricGroup group = getRuntimeContext().getMetricGroup().addGroup(METRIC_GROUP);
        rowsFilteredOut = group.counter("rowsFilteredOut");
        noOpUpdatesDropped = group.counter("noOpUpdatesDropped");
        deadLettered = group.counter("deadLetters");
    }

    @Override
    public void processElement(ChangeEvent change, Context context, Collector<ChangeEvent> out) {
        TableTransform transform = transformByTable.get(change.table());
        if (transform == null) {
            out.collect(change);
            return;
        }
        TableTransform.Result result;
        try {
            result = transform.apply(change);
        } catch (ExpressionEvaluationException e) {
            deadLettered.inc();
            context.output(deadLetters, DeadLetter.of(STAGE, e.getMessage(), change, context.timerService().currentProcessingTime()));
            return;
        }
        switch (result.outcome()) {
            case PASSED -> out.collect(result.change());
            case FILTERED_OUT -> rowsFilteredOut.inc();
            case NO_OP_UPDATE -> noOpUpdatesDropped.inc();
        }
    }
}
