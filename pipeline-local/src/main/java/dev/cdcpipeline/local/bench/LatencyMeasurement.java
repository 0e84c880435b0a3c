package dev.cdcpipeline.local.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency at a fixed load: while the insert load changes {@code shop.orders} at a
 * steady rate, a probe row is committed every 20 ms, and each probe's latency is taken in both
 * sinks: from its commit time (in the row) to the moment a {@code read_committed} consumer
 * receives its record, and to the moment a poll of the warehouse table (every 10 ms) finds it.
 * Probes committed during the warm-up are left out; probes of the window that never arrive are
 * counted as missing.
 */
final class LatencyMeasurement {

    private static final Duration PROBE_EVERY = Duration.ofMillis(20);
    /** Small transactions keep the fixed load smooth. */
    private static final int LOAD_ROWS_PER_TRANSACTION = 10;

    private final BenchServers servers;
    private final BenchThreads threads;
    private final ResourceMeter meter;
    private final PrintStream out;

    LatencyMeasurement(BenchServers servers, BenchThreads threads, ResourceMeter meter, PrintStream out) {
        this.servers = servers;
        this.threads = threads;
        this.meter = meter;
        this.out = out;
    }

    Result run(String phase, BenchPipeline pipeline, int loadPerSecond, Duration warmUp, Duration window, Path checkpointRoot,
            long seed) throws Exception {
        StartedMirror mirror = pipeline.start(servers, checkpointRoot);
        try {
            CaptureCheck.awaitCapturing(servers, mirror);
            StartedMirror.ProbeOutputs probes = mirror.probes().orElseThrow();
            out.printf("%s: pipeline %s capturing; %,d inserts/s and a probe every %d ms for %d s + %d s warm-up%n", phase,
                    mirror.job().getJobID(), loadPerSecond, PROBE_EVERY.toMillis(), window.toSeconds(), warmUp.toSeconds());
            ProbeSightings inKafka = new ProbeSightings();
            ProbeSightings inWarehouse = new ProbeSightings();
            try (CommittedTopicTail tail = CommittedTopicTail.start(threads, servers.kafkaBootstrapServers(), probes.topic(),
                            Duration.ofMillis(10), new KafkaProbeArrivals(inKafka));
                    WarehouseProbePoller poller = WarehouseProbePoller.start(threads, servers, probes.table(), inWarehouse);
                    InsertLoad load = InsertLoad.start(threads, servers, CommitRateMeasurement.CONNECTIONS,
                            LOAD_ROWS_PER_TRANSACTION, loadPerSecond, seed);
                    ProbeWriter writer = ProbeWriter.start(threads, servers, PROBE_EVERY)) {
                TimeUnit.MILLISECONDS.sleep(warmUp.toMillis());
                long windowStart = System.currentTimeMillis();
                ResourceUsage before = meter.read();
                long loadBefore = load.committedRows();
                TimeUnit.MILLISECONDS.sleep(window.toMillis());
                long windowEnd = System.currentTimeMillis();
                ResourceUsage used = meter.read().since(before);
                double loadRate = (load.committedRows() - loadBefore) / (used.wallNanos() / 1e9);
                writer.stop();
                load.stop();
                List<Long> probeIds = writer.idsCommittedBetween(windowStart, windowEnd);
                long deadline = System.nanoTime() + pipeline.checkpointInterval().multipliedBy(3).plusSeconds(30).toNanos();
                while (!(inKafka.sawAll(probeIds) && inWarehouse.sawAll(probeIds)) && System.nanoTime() < deadline) {
                    tail.check();
                    poller.check();
                    mirror.requireRunning();
                    TimeUnit.MILLISECONDS.sleep(100);
                }
                List<Long> kafkaLatencies = inKafka.latenciesOf(probeIds);
                List<Long> warehouseLatencies = inWarehouse.latenciesOf(probeIds);
                Result result = new Result(phase, pipeline.checkpointInterval(), probeIds.size(), loadRate,
                        Percentiles.of(kafkaLatencies), Percentiles.of(warehouseLatencies), used,
                        List.of(Percentiles.distribution("latency", phase + ": Kafka (read_committed)", kafkaLatencies),
                                Percentiles.distribution("latency", phase + ": warehouse", warehouseLatencies)));
                out.printf("%s: Kafka %s; warehouse %s%n", phase, result.kafka(), result.warehouse());
                return result;
            }
        } finally {
            mirror.cancel();
        }
    }

    /**
     * @param probes committed in the window; those a sink never delivered are {@code probes - count}
     * @param loadPerSecond the insert load's real rate in the window
     */
    record Result(String phase, Duration checkpointInterval, int probes, double loadPerSecond, Percentiles kafka,
            Percentiles warehouse, ResourceUsage used, List<TimeSeries> series) {

        /** The target: within one checkpoint interval plus a second. */
        long targetMillis() {
            return checkpointInterval.toMillis() + 1_000;
        }

        /** The slower sink's p99. */
        long p99Millis() {
            return Math.max(kafka.p99(), warehouse.p99());
        }

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            String interval = "checkpoints every " + checkpointInterval.toMillis() + " ms";
            figures.add(new Figure(phase, "load_per_s", loadPerSecond, "rows/s", "fixed insert load, " + interval));
            figures.add(new Figure(phase, "probes", probes, "probes", "one committed every " + PROBE_EVERY.toMillis() + " ms"));
            addSink(figures, "kafka", kafka, "commit -> received by a read_committed consumer");
            addSink(figures, "warehouse", warehouse, "commit -> found by a poll (every 10 ms) of the warehouse table");
            figures.add(new Figure(phase, "p99_within_target", p99Millis() <= targetMillis() ? 1 : 0, "bool",
                    "target: checkpoint interval + 1 s = " + targetMillis() + " ms"));
            figures.add(new Figure(phase, "flink_jvm_cpu_s", used.flinkCpuNanos() / 1e9, "s"));
            figures.add(new Figure(phase, "machine_busy", used.busyShare(), "%"));
            return figures;
        }

        private void addSink(List<Figure> figures, String sink, Percentiles latency, String note) {
            figures.add(new Figure(phase, sink + "_p50_ms", latency.p50(), "ms", note));
            figures.add(new Figure(phase, sink + "_p95_ms", latency.p95(), "ms"));
            figures.add(new Figure(phase, sink + "_p99_ms", latency.p99(), "ms"));
            figures.add(new Figure(phase, sink + "_max_ms", latency.max(), "ms"));
            figures.add(new Figure(phase, sink + "_missing", probes - latency.count(), "probes", "never arrived"));
        }
    }
}
