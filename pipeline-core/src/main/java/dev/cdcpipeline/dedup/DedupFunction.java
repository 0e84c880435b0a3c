package dev.cdcpipeline.dedup;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.change.TableId;

import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes each row's changes on once, in source order. Keyed by table and primary key, it keeps
 * the position of the last log change it passed for the row and drops
 *
 * <ul>
 *   <li>changes at or before that position: replays of what was already passed, e.g. after a
 *       restart from an older source offset;
 *   <li>updates that change no column.
 * </ul>
 *
 * <p>Snapshot reads are checked against the state but not remembered. A read needs no memory to
 * be recognised as a replay: the source emits a chunk's reads once per run, and a chunk read
 * again after a restore was never committed downstream (Kafka's transaction was aborted, the
 * warehouse had not been given it, see {@code SnapshotReadHoldBack}); and the log changes of a
 * row come after its chunk's high watermark, so none of them is older than the read. Remembered,
 * reads made the state, and with heap state every checkpoint, grow with the whole table: full
 * checkpoints of it took a third of the snapshot's CPU in the bench's profile.
 *
 * <p>State is one position per row changed since the snapshot, expired after the configured TTL
 * without changes to the row: a replay older than the TTL would pass again, which the warehouse's
 * position guard still makes harmless. Drops are counted in the {@code dedup} metric group.
 *
 * <p>Until the first log change passes, the state holds nothing (unless it was restored), and
 * reads are not looked up at all: the lookup would find nothing, and with heap state and a TTL it
 * is not free, as every access also sweeps on for expired rows, through empty key groups too
 * (13 % of the dedup-and-sinks thread's samples during a snapshot in the bench's profile).
 */
public class DedupFunction extends KeyedProcessFunction<String, ChangeEvent, ChangeEvent>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    public static final String METRIC_GROUP = "dedup";

    private final Duration stateTtl;
    private final List<TableId> tables;

    private transient ValueState<SourcePosition> lastPassedPosition;
    private transient boolean stateMayHoldPositions;
    private transient DedupMetrics metrics;

    public DedupFunction(Duration stateTtl) {
        this(stateTtl, List.of());
    }

    /** @param tables the captured tables, whose per-table counters exist (at 0) from the start */
    public DedupFunction(Duration stateTtl, Collection<TableId> tables) {
        this.stateTtl = stateTtl;
        this.tables = List.copyOf(tables);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        stateMayHoldPositions = context.isRestored();
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        // The positions are keyed state, which Flink checkpoints by itself.
    }

    @Override
    public void open(Configuration parameters) {
        ValueStateDescriptor<SourcePosition> descriptor =
                new ValueStateDescriptor<>("last-passed-position", TypeInformation.of(SourcePosition.class));
        descriptor.enableTimeToLive(
                StateTtlConfig.newBuilder(stateTtl)
                        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                        // Heap state: every access also checks another row for expiry, so rows that
                        // never change again are removed too; with two accesses per change the whole
                        // state is swept far within any TTL. Ten rows per access (the earlier setting)
                        // took a fifth of the dedup thread's CPU in the bench's profile.
                        // RocksDB expires rows in compaction instead.
                        .cleanupIncrementally(1, false)
                        .build());
        lastPassedPosition = getRuntimeContext().getState(descriptor);
        metrics = new DedupMetrics(getRuntimeContext().getMetricGroup().addGroup(METRIC_GROUP));
        tables.forEach(metrics::of);
    }

    /** For tests: the counters this instance keeps. */
    DedupMetrics metrics() {
        return metrics;
    }

    @Override
    public void processElement(ChangeEvent change, Context context, Collector<ChangeEvent> out)
            throws Exception {
        // One table lookup per change, for both of its counters.
        DedupMetrics.TableCounters table = metrics.received(change);
        boolean read = change.operation() == Operation.SNAPSHOT_READ;
        if (!read || stateMayHoldPositions) {
            SourcePosition last = lastPassedPosition.value();
            if (last != null && !change.position().isAfter(last)) {
                metrics.staleDropped.inc();
                return;
            }
        }
        if (!read) {
            lastPassedPosition.update(change.position());
            stateMayHoldPositions = true;
        }
        if (change.isNoOpUpdate()) {
            metrics.noOpUpdatesDropped.inc();
            return;
        }
        metrics.passed(change, table);
        out.collect(change);
    }

    /**
     * What the operator counts; the names are the metric names under the {@code dedup} group. The
     * per-table counters sit in a {@code table} key-value group, so Prometheus gets one series per
     * table with a {@code table="mysql.shop.orders"} label.
     */
    static final class DedupMetrics {
        final Counter eventsIn;
        final Counter eventsOut;
        final Counter snapshotRowsIn;
        final Counter staleDropped;
        final Counter noOpUpdatesDropped;
        private final MetricGroup group;
        private final Map<TableId, TableCounters> tables = new HashMap<>();
        private volatile long lastSourceTimestampMillis;

        /** Events in and out of one table. */
        record TableCounters(Counter eventsIn, Counter eventsOut) {}

        DedupMetrics(MetricGroup group) {
            this.group = group;
            eventsIn = group.counter("eventsIn");
            eventsOut = group.counter("eventsOut");
            snapshotRowsIn = group.counter("snapshotRowsIn");
            staleDropped = group.counter("staleDropped");
            noOpUpdatesDropped = group.counter("noOpUpdatesDropped");
            // How far behind the source the passed changes are: now minus the commit time of the
            // last change that had one. Snapshot reads have none and leave it as it was.
            group.gauge("sourceLagMillis", () -> lastSourceTimestampMillis == 0 ? 0L
                    : Math.max(0L, System.currentTimeMillis() - lastSourceTimestampMillis));
        }

        /** The table's counters, registered when first asked for. */
        TableCounters of(TableId table) {
            return tables.computeIfAbsent(table, id -> {
                MetricGroup tableGroup = group.addGroup("table", id.source() + "." + id.qualifiedName());
                return new TableCounters(tableGroup.counter("eventsIn"), tableGroup.counter("eventsOut"));
            });
        }

        /** @return the change's table counters, for {@link #passed} */
        TableCounters received(ChangeEvent change) {
            eventsIn.inc();
            TableCounters table = of(change.table());
            table.eventsIn().inc();
            if (change.operation() == Operation.SNAPSHOT_READ) {
                snapshotRowsIn.inc();
            }
            return table;
        }

        void passed(ChangeEvent change, TableCounters table) {
            eventsOut.inc();
            table.eventsOut().inc();
            if (change.sourceTimestampMillis() > 0) {
                lastSourceTimestampMillis = change.sourceTimestampMillis();
            }
        }
    }
}
