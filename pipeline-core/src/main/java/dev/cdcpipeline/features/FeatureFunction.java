package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Keeps one entity's rows of a feature view's table and emits the entity's features whenever they
 * may have changed. Keyed by the entity value's key text; its input is what {@link EntityChanges}
 * passes: one image per change, on time, with an entity and an event time.
 *
 * <p>State: the latest change of each of the entity's rows that is in, or still to enter, a
 * window (event time t &gt; now - longest window), by the row's table and primary key. An insert,
 * update or snapshot read stores the row (or removes it if it is older than every window); a
 * delete removes it; a change at or before the stored change's source position is a replay and
 * changes nothing.
 *
 * <p>Output, with the processing time as the clock: after each change, a record valid at now; at
 * each moment a row enters (t, when ahead of now) or leaves a window (t + w), a timer emits a
 * record valid at that moment, computed from the rows left. When no row is left the entity gets
 * one record with {@code last = true} (counts and sums 0, the rest null) and has no state and no
 * timers any more; an entity that had no rows and still has none gets nothing.
 *
 * <p>Timers are the cleanup. State TTL is a safety net behind them, longer than any row's stay: a
 * row may be dated up to one longest window ahead (EntityChanges sets aside rows further ahead) and
 * stays until a longest window after its date; the allowed lateness is added as margin.
 */
public class FeatureFunction extends KeyedProcessFunction<String, ChangeEvent, FeatureRecord> {

    private static final long serialVersionUID = 1L;

    public static final String METRIC_GROUP = "features";

    private final String viewName;
    private final String entityColumn;
    private final long longestWindowMillis;
    private final Duration stateTtl;
    private final EventTimes eventTimes;
    private final FeatureAggregator aggregator;
    private final RowTimers rowTimers;

    private transient MapState<String, ChangeEvent> rows;
    private transient Counter recordsOut;

    public FeatureFunction(FeatureView view) {
        this.viewName = view.name();
        this.entityColumn = view.settings().entityColumn();
        Duration longest = view.settings().longestWindow();
        this.longestWindowMillis = longest.toMillis();
        this.stateTtl = longest.multipliedBy(2).plus(view.settings().allowedLateness());
        this.eventTimes = EventTimes.of(view);
        this.aggregator = FeatureAggregator.of(view);
        this.rowTimers = new RowTimers(view.settings().windows());
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, ChangeEvent> descriptor =
                new MapStateDescriptor<>("rows", Types.STRING, ChangeEventTypeInfo.INSTANCE);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupIncrementally(10, false)
                .build());
        rows = getRuntimeContext().getMapState(descriptor);
        recordsOut = getRuntimeContext().getMetricGroup().addGroup(METRIC_GROUP).addGroup("view", viewName).counter("recordsOut");
    }

    /** For tests: how many records this instance emitted. */
    long recordsOut() {
        return recordsOut.getCount();
    }

    @Override
    public void processElement(ChangeEvent change, Context context, Collector<FeatureRecord> out) throws Exception {
        long now = context.timerService().currentProcessingTime();
        String rowKey = change.partitionKey();
        ChangeEvent previous = rows.get(rowKey);
        if (previous != null && !change.position().isAfter(previous.position())) {
            // A replay of what the entity already holds (dedup drops these before they get here).
            return;
        }
        boolean hadRows = previous != null || !rows.isEmpty();
        ChangeEvent kept = rowToKeep(change, now);
        if (kept == null) {
            rows.remove(rowKey);
        } else {
            rows.put(rowKey, kept);
        }
        Map<String, TimedRow> current = loadRows(now);
        if (previous != null) {
            // Before registering the new time: the old time's timers may be needed by nothing now.
            rowTimers.release(eventTimeOf(previous, now), current.values(), context.timerService());
        }
        if (kept != null) {
            rowTimers.register(eventTimeOf(kept, now), now, context.timerService());
        }
        Object entity = change.latestRow().get(entityColumn);
        if (!current.isEmpty()) {
            emit(out, entity, current.values(), now, now);
        } else if (hadRows) {
            emitLast(out, entity, now, now);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<FeatureRecord> out) throws Exception {
        long now = context.timerService().currentProcessingTime();
        Map<String, TimedRow> current = loadRows(now);
        if (current.isEmpty()) {
            // Only if the TTL safety net removed the rows first: nothing left to report on.
            return;
        }
        Object entity = current.values().iterator().next().values().get(entityColumn);
        // Rows that left the longest window at this moment go, with whatever timers no other row needs.
        List<TimedRow> gone = new ArrayList<>();
        for (Iterator<Map.Entry<String, TimedRow>> it = current.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, TimedRow> row = it.next();
            if (row.getValue().eventTimeMillis() + longestWindowMillis <= timestamp) {
                rows.remove(row.getKey());
                gone.add(row.getValue());
                it.remove();
            }
        }
        for (TimedRow row : gone) {
            rowTimers.release(row.eventTimeMillis(), current.values(), context.timerService());
        }
        if (current.isEmpty()) {
            emitLast(out, entity, timestamp, now);
        } else {
            emit(out, entity, current.values(), timestamp, now);
        }
    }

    /** The change as stored, or null if the row is to be removed: deleted, or older than every window. */
    private ChangeEvent rowToKeep(ChangeEvent change, long now) {
        if (change.operation() == Operation.DELETE) {
            return null;
        }
        ChangeEvent fixed = eventTimes.fixed(change, now);
        OptionalLong eventTime = eventTimes.of(fixed.latestRow(), fixed, now);
        return eventTime.isPresent() && eventTime.getAsLong() > now - longestWindowMillis ? fixed : null;
    }

    private long eventTimeOf(ChangeEvent stored, long now) {
        // Stored changes are fixed and have an event time (rowToKeep), so this is their stored time.
        return eventTimes.of(stored.latestRow(), stored, now).orElseThrow();
    }

    private Map<String, TimedRow> loadRows(long now) throws Exception {
        Map<String, TimedRow> loaded = new LinkedHashMap<>();
        for (Map.Entry<String, ChangeEvent> row : rows.entries()) {
            ChangeEvent change = row.getValue();
            loaded.put(row.getKey(), new TimedRow(change.latestRow(), eventTimeOf(change, now), change.position()));
        }
        return loaded;
    }

    private void emit(Collector<FeatureRecord> out, Object entity, Collection<TimedRow> current, long validAt, long now) {
        out.collect(new FeatureRecord(viewName, entity, aggregator.compute(current, validAt), validAt, now, false));
        recordsOut.inc();
    }

    /** The entity's last record; its rows and timers are already gone, and the state is cleared for good measure. */
    private void emitLast(Collector<FeatureRecord> out, Object entity, long validAt, long now) {
        rows.clear();
        out.collect(new FeatureRecord(viewName, entity, aggregator.compute(List.of(), validAt), validAt, now, true));
        recordsOut.inc();
    }
}
