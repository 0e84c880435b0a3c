package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.local.progress.PipelineMetrics;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The change rate our pipeline sustains: started at the binlog's end, with the insert load
 * pushing as fast as MariaDB commits (the load of {@link CommitRateMeasurement}). Over a window
 * after a warm-up it measures the rate at which changes arrive in each sink (Kafka: records a
 * {@code read_committed} consumer receives; warehouse: {@code count(*)} at both ends of the
 * window) and how far each sink is behind the source (now minus the commit time of the newest row
 * it holds). The pipeline keeps up when both sinks take in at least 95 % of what the database
 * committed and their lag stays bounded (at the end of the window at most 2 s more than the
 * checkpoint interval for Kafka, whose records wait for the checkpoint, and 2 s for the warehouse).
 */
final class StreamingMeasurement {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(180);
    private static final long LAG_SLACK_MILLIS = 2_000;

    private final BenchServers servers;
    private final BenchThreads threads;
    private final ResourceMeter meter;
    private final PrintStream out;

    StreamingMeasurement(BenchServers servers, BenchThreads threads, ResourceMeter meter, PrintStream out) {
        this.servers = servers;
        this.threads = threads;
        this.meter = meter;
        this.out = out;
    }

    Result run(String phase, BenchPipeline pipeline, Duration warmUp, Duration window, Path checkpointRoot,
            long seed) throws Exception {
        StartedMirror mirror = pipeline.start(servers, checkpointRoot);
        TimeSeries generated = TimeSeries.of("streaming", phase + ": committed at the source");
        TimeSeries kafkaArrivals = TimeSeries.of("streaming", phase + ": arrived in Kafka");
        TimeSeries kafkaLag = TimeSeries.of("streaming-lag", phase + ": Kafka lag");
        TimeSeries warehouseLag = TimeSeries.of("streaming-lag", phase + ": warehouse lag");
        try {
            CaptureCheck.awaitCapturing(servers, mirror);
            out.printf("%s: pipeline %s capturing; inserting as fast as MariaDB commits for %d s + %d s warm-up%n", phase,
                    mirror.job().getJobID(), window.toSeconds(), warmUp.toSeconds());
            ArrivalCounter kafka = new ArrivalCounter();
            try (CommittedTopicTail tail = CommittedTopicTail.start(threads, servers.kafkaBootstrapServers(), mirror.ordersTopic(),
                            Duration.ofMillis(100), kafka);
                    WarehouseTableProgress warehouse = new WarehouseTableProgress(servers, mirror.ordersTable());
                    InsertLoad load = InsertLoad.start(threads, servers, CommitRateMeasurement.CONNECTIONS,
                            CommitRateMeasurement.ROWS_PER_TRANSACTION, 0, seed)) {
                TimeUnit.MILLISECONDS.sleep(warmUp.toMillis());
                Window start = Window.read(kafka, warehouse, load, meter);
                long previousCommitted = start.generated();
                long previousArrived = start.kafka();
                long maxKafkaLag = 0;
                long maxWarehouseLag = 0;
                for (long second = 1; second <= window.toSeconds(); second++) {
                    TimeUnit.MILLISECONDS.sleep(SAMPLE_EVERY.toMillis());
                    tail.check();
                    load.check();
                    long committed = load.committedRows();
                    long arrived = kafka.count();
                    long lagKafka = currentKafkaLagMillis(kafka);
                    long lagWarehouse = warehouse.lagMillis();
                    generated.add(second, committed - previousCommitted);
                    kafkaArrivals.add(second, arrived - previousArrived);
                    kafkaLag.add(second, lagKafka / 1000.0);
                    warehouseLag.add(second, lagWarehouse / 1000.0);
                    maxKafkaLag = Math.max(maxKafkaLag, lagKafka);
                    maxWarehouseLag = Math.max(maxWarehouseLag, lagWarehouse);
                    if (second % 10 == 0) {
                        out.printf("%s: %d s  committed %,d rows/s  Kafka %,d records/s (lag %.1f s)  warehouse lag %.1f s%n",
                                phase, second, committed - previousCommitted, arrived - previousArrived, lagKafka / 1000.0,
                                lagWarehouse / 1000.0);
                    }
                    previousCommitted = committed;
                    previousArrived = arrived;
                }
                Window end = Window.read(kafka, warehouse, load, meter);
                long total = load.stop();
                double drainSeconds = awaitDrained(mirror, kafka, warehouse, total);
                return new Result(phase, pipeline, start, end, maxKafkaLag, maxWarehouseLag, drainSeconds,
                        List.of(generated, kafkaArrivals, kafkaLag, warehouseLag));
            }
        } finally {
            mirror.cancel();
        }
    }

    /** Now minus the commit time every partition of the topic has delivered up to; 0 before any record. */
    private static long currentKafkaLagMillis(ArrivalCounter kafka) {
        long now = System.currentTimeMillis();
        return Math.max(0, now - kafka.caughtUpToMillis().orElse(now));
    }

    /** Seconds until both sinks hold every inserted row after the load stopped; -1 if not within the limit. */
    private static double awaitDrained(StartedMirror mirror, ArrivalCounter kafka, WarehouseTableProgress warehouse, long total)
            throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < DRAIN_LIMIT.toNanos()) {
            if (kafka.count() >= total && warehouse.count() >= total) {
                return (System.nanoTime() - started) / 1e9;
            }
            mirror.requireRunning();
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return -1;
    }

    /**
     * The counters at one end of the measurement window.
     *
     * @param dedupEventsIn changes the pipeline's dedup operator received: the events it processed
     */
    record Window(long generated, long kafka, long warehouse, long dedupEventsIn, ResourceUsage usage, long kafkaLagMillis,
            long warehouseLagMillis) {

        static Window read(ArrivalCounter kafka, WarehouseTableProgress warehouse, InsertLoad load, ResourceMeter meter)
                throws SQLException {
            ResourceUsage usage = meter.read();
            long generated = load.committedRows();
            long arrived = kafka.count();
            long eventsIn = PipelineMetrics.sumOfCounter("eventsIn");
            long kafkaLag = currentKafkaLagMillis(kafka);
            // Counting scans the table: it may take a while, so the lag is read after it.
            long warehouseRows = warehouse.count();
            return new Window(generated, arrived, warehouseRows, eventsIn, usage, kafkaLag, warehouse.lagMillis());
        }
    }

    /**
     * @param drainSeconds from the load's stop to every row in both sinks; -1 if that took too long
     */
    record Result(String phase, BenchPipeline pipeline, Window start, Window end, long maxKafkaLagMillis, long maxWarehouseLagMillis,
            double drainSeconds, List<TimeSeries> series) {

        ResourceUsage used() {
            return end.usage().since(start.usage());
        }

        double seconds() {
            return used().wallNanos() / 1e9;
        }

        double committedPerSecond() {
            return (end.generated() - start.generated()) / seconds();
        }

        double kafkaPerSecond() {
            return (end.kafka() - start.kafka()) / seconds();
        }

        double warehousePerSecond() {
            return (end.warehouse() - start.warehouse()) / seconds();
        }

        /** Through both sinks: the slower of the two. */
        double eventsPerSecond() {
            return Math.min(kafkaPerSecond(), warehousePerSecond());
        }

        long eventsProcessed() {
            return end.dedupEventsIn() - start.dedupEventsIn();
        }

        double flinkCpuMicrosPerEvent() {
            return eventsProcessed() == 0 ? 0 : used().flinkCpuNanos() / 1e3 / eventsProcessed();
        }

        boolean keepsUp() {
            long kafkaBound = pipeline.checkpointInterval().toMillis() + LAG_SLACK_MILLIS;
            return eventsPerSecond() >= 0.95 * committedPerSecond()
                    && end.kafkaLagMillis() <= kafkaBound
                    && end.warehouseLagMillis() <= LAG_SLACK_MILLIS;
        }

        List<Figure> figures() {
            List<Figure> figures = new ArrayList<>();
            String delivery = pipeline.delivery().name().toLowerCase(Locale.ROOT).replace('_', '-');
            figures.add(new Figure(phase, "events_per_s", eventsPerSecond(), "events/s",
                    "through dedup and both sinks (the slower), Kafka " + delivery + ", checkpoints every "
                            + pipeline.checkpointInterval().toMillis() + " ms"));
            figures.add(new Figure(phase, "source_committed_per_s", committedPerSecond(), "rows/s",
                    "the load, as fast as MariaDB commits with the pipeline attached"));
            figures.add(new Figure(phase, "kafka_arrivals_per_s", kafkaPerSecond(), "records/s", "read_committed consumer"));
            figures.add(new Figure(phase, "warehouse_arrivals_per_s", warehousePerSecond(), "rows/s", "count(*) at both ends"));
            figures.add(new Figure(phase, "keeps_up", keepsUp() ? 1 : 0, "bool",
                    ">= 95% of the commits arrive and the lag stays bounded"));
            figures.add(new Figure(phase, "kafka_lag_end_s", end.kafkaLagMillis() / 1000.0, "s"));
            figures.add(new Figure(phase, "kafka_lag_max_s", maxKafkaLagMillis / 1000.0, "s"));
            figures.add(new Figure(phase, "warehouse_lag_end_s", end.warehouseLagMillis() / 1000.0, "s"));
            figures.add(new Figure(phase, "warehouse_lag_max_s", maxWarehouseLagMillis / 1000.0, "s"));
            figures.add(new Figure(phase, "drain_s", drainSeconds, "s", "load stopped -> every row in both sinks (-1: not within 180 s)"));
            figures.add(new Figure(phase, "cpu_us_per_event", flinkCpuMicrosPerEvent(), "us",
                    "Flink JVM CPU / events dedup received in the window"));
            figures.addAll(used().figures(phase));
            return figures;
        }
    }
}
