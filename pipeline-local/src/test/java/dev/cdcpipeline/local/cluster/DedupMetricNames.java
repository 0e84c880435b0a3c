package dev.cdcpipeline.local.cluster;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.dedup.DedupFunction;

import org.apache.flink.api.common.functions.DefaultOpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.functions.util.FunctionUtils;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Prometheus names of the metrics the pipeline's dedup operator registers, learned by opening one: what the
 * code registers, not what a list says it does.
 */
final class DedupMetricNames {

    /** Flink's Prometheus reporter puts an operator's metrics under this name. */
    static final String OPERATOR_SCOPE = "flink_taskmanager_job_task_operator_";

    private DedupMetricNames() {}

    static Set<String> registeredByTheDedupOperator() throws Exception {
        RecordingMetricGroup metrics = new RecordingMetricGroup();
        // One captured table: its per-table counters are registered when the operator opens.
        DedupFunction dedup = new DedupFunction(Duration.ofDays(1), List.of(new TableId("mysql", "shop", "orders")));
        dedup.setRuntimeContext(runtimeContextWith(metrics));
        FunctionUtils.openFunction(dedup, DefaultOpenContext.INSTANCE);
        return metrics.names().stream().map(name -> OPERATOR_SCOPE + name).collect(Collectors.toSet());
    }

    /** Answers what open() asks: its metric group, and its keyed state (null: no element is processed here). */
    private static RuntimeContext runtimeContextWith(RecordingMetricGroup metrics) {
        return (RuntimeContext) Proxy.newProxyInstance(
                RuntimeContext.class.getClassLoader(), new Class<?>[] {RuntimeContext.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getMetricGroup" -> metrics;
                    case "getState" -> null;
                    default -> throw new UnsupportedOperationException("open() was not expected to call " + method.getName());
                });
    }
}
