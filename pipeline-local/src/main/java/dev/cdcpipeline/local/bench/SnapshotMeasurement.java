package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.local.progress.PipelineMetrics;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The snapshot rate of a mirror job: rows divided by the time from the call that starts the job
 * (ours: checks, warehouse tables and topics, submission; the peer: its tables and topics, SQL
 * planning, submission) to the moment the last row is in BOTH sinks: the topic holds every row
 * for a {@code read_committed} consumer (counted by a consumer following the topic) and the
 * warehouse table holds every row (counted every 500 ms, every 100 ms near the end, by
 * {@link SnapshotRowCount}, which counts only the part of the table the snapshot is writing).
 */
final class SnapshotMeasurement {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final double SERIES_STEP_SECONDS = 0.5;

    private final BenchServers servers;
    private final BenchThreads threads;
    private final ResourceMeter meter;
    private final PrintStream out;

    SnapshotMeasurement(BenchServers servers, BenchThreads threads, ResourceMeter meter, PrintStream out) {
        this.servers = servers;
        this.threads = threads;
        this.meter = meter;
        this.out = out;
    }

    /** Starts the job, waits until both sinks hold {@code rows} rows, measures its checkpoint, cancels it. */
    Result run(String phase, Callable<StartedMirror> starter, long rows, Duration checkpointInterval) throws Exception {
        NavigableMap<Long, Long> sourceBlocks = SnapshotRowCount.sourceBlocks(servers);
        long sourceRows = SnapshotRowCount.total(sourceBlocks);
        if (sourceRows != rows) {
            throw new IllegalStateException(phase + ": shop.orders holds " + sourceRows + " rows, not the " + rows
                    + " the bench loaded");
        }
        boolean peakReset = PeakMemory.reset();
        ResourceUsage before = meter.read();
        long started = System.nanoTime();
        StartedMirror mirror = starter.call();
        double submittedAfter = secondsSince(started);
        out.printf("%s: %s job %s submitted after %.1f s; waiting for %,d rows in both sinks%n", phase, mirror.engine(),
                mirror.job().getJobID(), submittedAfter, rows);
        boolean ours = mirror.probes().isPresent();
        TimeSeries kafkaLine = TimeSeries.of("snapshot", mirror.engine() + ": committed in Kafka");
        TimeSeries warehouseLine = TimeSeries.of("snapshot", mirror.engine() + ": in the warehouse");
        TimeSeries dedupLine = TimeSeries.of("snapshot", mirror.engine() + ": passed dedup");
        ArrivalCounter kafka = new ArrivalCounter();
        try (CommittedTopicTail tail = CommittedTopicTail.start(threads, servers.kafkaBootstrapServers(), mirror.ordersTopic(),
                        Duration.ofMillis(100), kafka);
                SnapshotRowCount warehouse = new SnapshotRowCount(servers.warehouse(), mirror.ordersTable(), sourceBlocks)) {
            long deadline = started + TimeUnit.MINUTES.toNanos(5) + TimeUnit.SECONDS.toNanos(rows / 2_000);
            double kafkaDone = -1;
            double warehouseDone = -1;
            long warehouseRows = 0;
            double nextWarehouseCount = 0;
            double nextSample = 0;
            double nextProgress = PROGRESS_EVERY.toSeconds();
            while (kafkaDone < 0 || warehouseDone < 0) {
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
                double now = secondsSince(started);
                tail.check();
                long committed = kafka.count();
                if (kafkaDone < 0 && committed >= rows) {
                    kafkaDone = now;
                }
                if (warehouseDone < 0 && now >= nextWarehouseCount) {
                    warehouseRows = warehouse.count();
                    warehouseDone = warehouseRows >= rows ? secondsSince(started) : -1;
                    nextWarehouseCount = now + (warehouseRows >= rows * 0.98 ? 0.1 : 0.5);
                }
                if (now >= nextSample) {
                    kafkaLine.add(now, committed);
                    warehouseLine.add(now, warehouseDone < 0 ? warehouseRows : rows);
                    if (ours) {
                        dedupLine.add(now, PipelineMetrics.sumOfCounter("eventsOut"));
                    }
                    nextSample = now + SERIES_STEP_SECONDS;
                }
                if (now >= nextProgress) {
                    mirror.requireRunning();
                    out.printf("%s: %.0f s  committed in Kafka %,d  in the warehouse %,d%n", phase, now, committed,
                            warehouseDone < 0 ? warehouseRows : rows);
                    nextProgress += PROGRESS_EVERY.toSeconds();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(phase + ": the rows did not arrive in time: Kafka " + committed
                            + ", warehouse " + warehouseRows + " of " + rows);
                }
            }
            ResourceUsage used = meter.read().since(before);
            OptionalLong peakRss = PeakMemory.peakBytes();
            kafkaLine.add(kafkaDone, rows);
            warehouseLine.add(warehouseDone, rows);
            Optional<CheckpointFiles.Checkpoint> checkpoint = awaitCheckpointAfterSnapshot(mirror, checkpointInterval);
            List<TimeSeries> series = new ArrayList<>(List.of(kafkaLine, warehouseLine));
            if (ours) {
                series.add(dedupLine);
            }
            return new Result(phase, mirror.engine(), rows, submittedAfter, kafkaDone, warehouseDone, used,
                    peakReset ? peakRss : OptionalLong.empty(), checkpoint, series);
        } finally {
            mirror.cancel();
        }
    }

    /** The first checkpoint that completes after every row arrived: it holds the dedup state of all rows. */
    private static Optional<CheckpointFiles.Checkpoint> awaitCheckpointAfterSnapshot(StartedMirror mirror, Duration interval)
            throws InterruptedException {
        if (mirror.checkpoints().isEmpty()) {
            return Optional.empty();
        }
        long after = CheckpointFiles.latest(mirror.checkpoints().get()).map(CheckpointFiles.Checkpoint::id).orElse(0L);
        long deadline = System.nanoTime() + interval.multipliedBy(3).plusSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CheckpointFiles.Checkpoint> latest = CheckpointFiles.latest(mirror.checkpoints().get());
            if (latest.isPresent() && latest.get().id() > after) {
                return latest;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return Optional.empty();
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * @param submittedAfter seconds from the start call until the job was submitted
     * @param kafkaDone seconds from the start call until the last row was committed in Kafka
     * @param warehouseDone the same for the warehouse
     * @param peakRss this JVM's peak RSS during the snapshot, when it could be reset before it
     * @param checkpoint the first checkpoint completed after the snapshot (ours only)
     */
    record Result(String phase, String engine, long rows, double submittedAfter, double kafkaDone, double warehouseDone,
            ResourceUsage used, OptionalLong peakRss, Optional<CheckpointFiles.Checkpoint> checkpoint, List<TimeSeries> series) {

        double seconds() {
            return Math.max(kafkaDone, warehouseDone);
        }

        double rowsPerSecond() {
            return rows / seconds();
        }

        double flinkCpuSecondsPerMillionRows() {
            return used.flinkCpuNanos() / 1e9 / rows * 1e6;
        }

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure(phase, "rows", rows, "rows", "shop.orders, 9 columns"));
            figures.add(new Figure(phase, "rows_per_s", rowsPerSecond(), "rows/s",
                    "rows / time from the start call to the last row in BOTH sinks (Kafka read_committed and warehouse)"));
            figures.add(new Figure(phase, "seconds", seconds(), "s", "start call to the last row in both sinks"));
            figures.add(new Figure(phase, "submitted_after_s", submittedAfter, "s", "start call to job submitted"));
            figures.add(new Figure(phase, "kafka_complete_s", kafkaDone, "s", "last row committed in Kafka"));
            figures.add(new Figure(phase, "warehouse_complete_s", warehouseDone, "s", "last row in the warehouse table"));
            figures.add(new Figure(phase, "flink_jvm_cpu_s_per_million_rows", flinkCpuSecondsPerMillionRows(), "s"));
            figures.addAll(used.figures(phase));
            peakRss.ifPresent(bytes -> figures.add(new Figure(phase, "jvm_peak_rss_mb", bytes / 1048576.0, "MiB",
                    "VmHWM of this JVM (Flink, broker and bench), reset at the phase's start")));
            checkpoint.ifPresent(done -> {
                figures.add(new Figure(phase, "checkpoint_bytes", done.bytes(), "bytes",
                        "first checkpoint after the snapshot (chk-" + done.id() + "), with the shared files of incremental ones"));
                figures.add(new Figure(phase, "state_bytes_per_key", (double) done.bytes() / rows, "bytes",
                        "that checkpoint / rows; dedup keeps positions only of rows changed since the snapshot"));
            });
            return figures;
        }
    }
}
