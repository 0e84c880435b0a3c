package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.config.Delivery;
import dev.cdcpipeline.config.StartupMode;
import dev.cdcpipeline.local.demo.Playground;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One bench run, phase after phase against the same embedded servers: load the table, read it
 * plainly, snapshot it with our pipeline and with the Flink SQL peer, then the database's commit
 * rate alone, our streaming rate at exactly-once and at-least-once, and latency at each
 * checkpoint interval. Each pipeline run gets its own name (warehouse schema, topics,
 * transactional ids, binlog client ids) and is cancelled before the next phase starts. Results
 * are written even when a phase fails, with what was measured until then.
 */
final class BenchRun {

    private static final long SEED = 42;
    /** Our pipelines' binlog client ids; the playground uses 5400-5499 and the peer's script 5501-5512. */
    private static final int SERVER_ID_BASE = 5600;
    /** Added to the base for the warm-up's pipeline; the measured ones add 0, 10, 20... */
    private static final int WARM_UP_SERVER_IDS = 90;

    private final BenchOptions options;
    private final PrintStream out;

    BenchRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs every phase, writes the outputs and prints the table; the caller prints the summary line. */
    BenchResults run() throws Exception {
        Files.createDirectories(options.outputDirectory());
        MachineDescription machine = MachineDescription.read();
        BenchResults results = new BenchResults(machine, options.checkpointInterval().toMillis());
        out.println("bench: " + machine.summary());
        out.println("playground: starting MariaDB (binlog on), PostgreSQL and Kafka in " + options.workDirectory());
        try (Playground playground = Playground.start(options.workDirectory())) {
            Thread stopServersOnInterrupt = new Thread(() -> closeQuietly(playground), "bench-playground-shutdown");
            Runtime.getRuntime().addShutdownHook(stopServersOnInterrupt);
            try {
                measure(new BenchServers(playground), results);
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopServersOnInterrupt);
                writeOutputs(results);
            }
        }
        return results;
    }

    private void measure(BenchServers servers, BenchResults results) throws Exception {
        BenchThreads threads = new BenchThreads();
        ServerProcesses processes = ServerProcesses.find(options.workDirectory());
        if (!processes.found()) {
            out.println("bench: could not find the database server processes; their CPU time reads 0");
        }
        ResourceMeter meter = ResourceMeter.afterServersStarted(threads, processes);
        Path checkpoints = options.workDirectory().resolve("bench-checkpoints");
        int parallelism = options.parallelism();
        Duration interval = options.checkpointInterval();

        OrdersTableLoader loader = new OrdersTableLoader(servers, threads);
        loader.createTables();
        out.printf("load: inserting %,d rows into shop.orders%n", options.rows());
        double loadRate = loader.load(options.rows(), SEED);
        results.loaded(options.rows(), loadRate);
        out.printf("load: %,d rows at %,.0f rows/s%n", options.rows(), loadRate);

        RawReadMeasurement.Result rawRead = new RawReadMeasurement(servers, meter).run(options.rows());
        results.rawRead(rawRead);
        out.printf("%s: %,.0f rows/s (median of 3)%n", RawReadMeasurement.PHASE, rawRead.rowsPerSecond());

        MirrorWarmUp warmUp = new MirrorWarmUp(servers, threads, out);
        BenchPipeline warmUpPipeline = new BenchPipeline("bench-warm-up", StartupMode.INITIAL, Delivery.EXACTLY_ONCE,
                interval, parallelism, SERVER_ID_BASE + WARM_UP_SERVER_IDS, options.flinkOptions());
        long warmUpRows = MirrorWarmUp.rowsFor(options.rows());
        results.warmedUp("pipeline", warmUpRows, warmUp.run(() -> warmUpPipeline.start(servers, checkpoints), warmUpRows));
        results.warmedUp("flink_sql", warmUpRows,
                warmUp.run(() -> PeerSqlMirror.start(servers, parallelism, interval), warmUpRows));
        PeerSqlMirror.clearOutputs(servers);

        SnapshotMeasurement snapshots = new SnapshotMeasurement(servers, threads, meter, out);
        BenchPipeline snapshotPipeline = new BenchPipeline("bench-snapshot", StartupMode.INITIAL, Delivery.EXACTLY_ONCE,
                interval, parallelism, SERVER_ID_BASE, options.flinkOptions());
        SnapshotMeasurement.Result snapshot = snapshots.run("snapshot", () -> snapshotPipeline.start(servers, checkpoints),
                options.rows(), interval);
        results.snapshot(snapshot);
        out.printf("snapshot: %,.0f rows/s into both sinks, %.1f Flink-JVM CPU-s per million rows%n", snapshot.rowsPerSecond(),
                snapshot.flinkCpuSecondsPerMillionRows());

        SnapshotMeasurement.Result peer = snapshots.run("peer_snapshot",
                () -> PeerSqlMirror.start(servers, parallelism, interval), options.rows(), interval);
        results.peer(peer);
        out.printf("peer_snapshot: %,.0f rows/s into both sinks, %.1f Flink-JVM CPU-s per million rows; ours / peer = %.2f%n",
                peer.rowsPerSecond(), peer.flinkCpuSecondsPerMillionRows(), snapshot.rowsPerSecond() / peer.rowsPerSecond());

        out.printf("%s: inserting as fast as MariaDB commits, no pipeline, for %d s%n", CommitRateMeasurement.PHASE,
                options.streamWindow().toSeconds());
        CommitRateMeasurement.Result commitRate = new CommitRateMeasurement(servers, threads, meter)
                .run(options.warmUp(), options.streamWindow(), SEED + 1);
        results.sourceCommitRate(commitRate);
        out.printf("%s: %,.0f rows/s%n", CommitRateMeasurement.PHASE, commitRate.rowsPerSecond());

        StreamingMeasurement streaming = new StreamingMeasurement(servers, threads, meter, out);
        int run = 1;
        for (Delivery delivery : new Delivery[] {Delivery.EXACTLY_ONCE, Delivery.AT_LEAST_ONCE}) {
            String phase = delivery == Delivery.EXACTLY_ONCE ? "stream_exactly_once" : "stream_at_least_once";
            BenchPipeline pipeline = new BenchPipeline("bench-" + phase.replace('_', '-'), StartupMode.LATEST, delivery, interval,
                    parallelism, SERVER_ID_BASE + 10 * run++, options.flinkOptions());
            StreamingMeasurement.Result result = streaming.run(phase, pipeline, options.warmUp(), options.streamWindow(),
                    checkpoints, SEED + run);
            if (delivery == Delivery.EXACTLY_ONCE) {
                results.exactlyOnce(result);
            } else {
                results.atLeastOnce(result);
            }
            out.printf("%s: %,.0f events/s through both sinks (source committed %,.0f/s), %.1f us Flink-JVM CPU per event, %s%n",
                    phase, result.eventsPerSecond(), result.committedPerSecond(), result.flinkCpuMicrosPerEvent(),
                    result.keepsUp() ? "keeps up" : "falls behind");
        }

        LatencyMeasurement latency = new LatencyMeasurement(servers, threads, meter, out);
        for (Duration latencyInterval : options.latencyCheckpointIntervals()) {
            String phase = "latency_" + latencyInterval.toMillis() + "ms";
            BenchPipeline pipeline = new BenchPipeline("bench-" + phase.replace('_', '-'), StartupMode.LATEST, Delivery.EXACTLY_ONCE,
                    latencyInterval, parallelism, SERVER_ID_BASE + 10 * run++, options.flinkOptions());
            results.latency(latency.run(phase, pipeline, options.latencyLoadPerSecond(), options.warmUp(), options.latencyWindow(),
                    checkpoints, SEED + run));
        }
    }

    private void writeOutputs(BenchResults results) {
        try {
            Path directory = options.outputDirectory();
            ResultsCsv.writeFigures(results.figures(), directory.resolve(ResultsCsv.FIGURES_FILE));
            ResultsCsv.writeSeries(results.series(), directory.resolve(ResultsCsv.SERIES_FILE));
            BenchPlots.write(results, directory);
            out.println();
            ResultTable.print(results.figures(), out);
            out.println();
            out.println("bench: results in " + directory.toAbsolutePath() + " (" + ResultsCsv.FIGURES_FILE + ", "
                    + ResultsCsv.SERIES_FILE + ", *.png)");
        } catch (Exception e) {
            out.println("bench: could not write the results: " + e);
        }
    }

    private static void closeQuietly(Playground playground) {
        try {
            playground.close();
        } catch (Exception e) {
            System.err.println("playground: could not stop every server: " + e.getMessage());
        }
    }
}
