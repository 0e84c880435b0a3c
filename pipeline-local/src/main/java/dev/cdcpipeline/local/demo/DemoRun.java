package dev.cdcpipeline.local.demo;

import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.PipelineLauncher;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.LocalEnvironments;
import dev.cdcpipeline.local.progress.ProgressLine;
import dev.cdcpipeline.local.verify.FeatureReconciler;
import dev.cdcpipeline.local.verify.FeatureReport;
import dev.cdcpipeline.local.verify.ReconciliationReport;
import dev.cdcpipeline.local.verify.Reconciler;
import dev.cdcpipeline.sql.RunningScript;

import org.apache.flink.core.execution.JobClient;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The playground: real servers, the shop database, the pipeline in a local mini-cluster while a
 * generator keeps changing the shop; then the generator stops, the pipeline catches up, and the
 * warehouse and the topics are reconciled against the source row by row.
 */
public final class DemoRun {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(120);
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

    private final DemoOptions options;
    private final PrintStream out;

    public DemoRun(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the demo; returns the feature check and the reconciliation, whose summaries the caller prints last. */
    public DemoResult run() throws Exception {
        out.println("playground: starting MariaDB (binlog on), PostgreSQL and Kafka in " + options.workDirectory());
        try (Playground playground = Playground.start(options.workDirectory())) {
            Thread cleanupOnInterrupt = new Thread(() -> closeQuietly(playground), "playground-shutdown");
            Runtime.getRuntime().addShutdownHook(cleanupOnInterrupt);
            try {
                return runWith(playground);
            } finally {
                Runtime.getRuntime().removeShutdownHook(cleanupOnInterrupt);
            }
        }
    }

    private DemoResult runWith(Playground playground) throws Exception {
        List<Boolean> postgresSources = shopSources();
        for (boolean postgres : postgresSources) {
            try (Connection connection = playground.shopConnection(postgres)) {
                DemoShop.createAndSeed(connection, options.seed(), options.customers(), options.products(), options.orders());
            }
            out.printf("playground: shop database created in %s with %d customers, %d products, %d orders (seed %d)%n",
                    postgres ? "PostgreSQL (logical WAL)" : "MariaDB (binlog)", options.customers(), options.products(),
                    options.orders(), options.seed());
        }

        DemoPipeline pipeline = options.engine() == DemoEngine.SQL ? startSqlMirror(playground) : startPipeline(playground);
        out.println("pipeline: started as Flink job " + pipeline.job().getJobID() + " at parallelism " + options.parallelism());
        LongFunction<String> progress = pipeline.progress();
        try (LoadGenerators generators = new LoadGenerators()) {
            for (boolean postgres : postgresSources) {
                generators.add(LoadGenerator.start(() -> playground.shopConnectionUnchecked(postgres), options.seed() + 1,
                        options.changesPerSecond()));
            }
            out.printf("generator: changing the shop at %.0f changes/s per source for %d s%n", options.changesPerSecond(),
                    options.duration().toSeconds());
            long end = System.nanoTime() + options.duration().toNanos();
            while (System.nanoTime() < end) {
                requireRunning(pipeline);
                TimeUnit.NANOSECONDS.sleep(Math.min(PROGRESS_EVERY.toNanos(), Math.max(0, end - System.nanoTime())));
                out.println(progress.apply(generators.committedChanges()));
            }
            long changes = generators.stop();
            out.println("generator: stopped after " + changes + " committed changes; waiting for the pipeline to catch up");
            ReconciliationReport report = awaitConsistent(pipeline, changes);
            FeatureReport features = pipeline.features() == null ? null : awaitFeatures(pipeline.features());
            pipeline.job().cancel().get(30, TimeUnit.SECONDS);
            return new DemoResult(features, report);
        }
    }

    /** The job the demo watches, how to check its outputs, and its progress line for a number of source changes. */
    private record DemoPipeline(JobClient job, Reconciler reconciler, FeatureReconciler features, LongFunction<String> progress) {}

    private DemoPipeline startPipeline(Playground playground) throws Exception {
        Path pipelineFile = options.workDirectory().resolve("demo-pipeline.yaml");
        Files.writeString(pipelineFile, playground.pipelineYaml(options.sources(), "shop-demo", options.parallelism(),
                CHECKPOINT_INTERVAL, options.workDirectory().resolve("checkpoints"), "")
                + Playground.demoFeatureViews(options.sources()));
        out.println("playground: pipeline definition in " + pipelineFile);
        PipelineDefinition definition = PipelineDefinitionParser.parseFile(pipelineFile, playground.secrets());
        RunningPipeline pipeline = PipelineLauncher.start(definition, LocalEnvironments::create);
        return new DemoPipeline(pipeline.job(), new Reconciler(pipeline.plan()), new FeatureReconciler(pipeline.plan()),
                new ProgressLine(options.initialRows())::next);
    }

    /** The same shop mirrored by the Flink SQL script, which the jar carries. */
    private DemoPipeline startSqlMirror(Playground playground) throws Exception {
        SqlMirror mirror = SqlMirror.prepare(playground, SqlMirror.bundledScript(SqlMirror.WAREHOUSE_TABLES));
        out.println("playground: running sql/" + SqlMirror.SCRIPT + " into warehouse schema " + SqlMirror.WAREHOUSE_SCHEMA
                + " and topics " + SqlMirror.TOPIC_PREFIX + ".shop.*");
        RunningScript script = mirror.start(SqlMirror.bundledScript(SqlMirror.SCRIPT), options.parallelism(), CHECKPOINT_INTERVAL, out);
        // The script's job has none of the pipeline's own metrics (snapshot rows, dedup, lag) to show.
        return new DemoPipeline(script.jobs().get(0).client(), mirror.reconciler(), null,
                changes -> "progress: source changes " + changes);
    }

    /** For each source the demo reads: whether it is the PostgreSQL one. */
    private List<Boolean> shopSources() {
        return switch (options.sources()) {
            case MYSQL -> List.of(false);
            case POSTGRES -> List.of(true);
            case BOTH -> List.of(false, true);
        };
    }

    private ReconciliationReport awaitConsistent(DemoPipeline pipeline, long changes) throws Exception {
        Reconciler reconciler = pipeline.reconciler();
        long started = System.nanoTime();
        long deadline = started + CATCH_UP_LIMIT.toNanos();
        ReconciliationReport report = reconciler.reconcile();
        while (!report.consistent() && System.nanoTime() < deadline) {
            requireRunning(pipeline);
            out.println(pipeline.progress().apply(changes));
            TimeUnit.SECONDS.sleep(1);
            report = reconciler.reconcile();
        }
        if (report.consistent()) {
            out.printf("pipeline: caught up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        } else {
            out.println("pipeline: NOT consistent after " + CATCH_UP_LIMIT.toSeconds() + " s; first differences:");
            report.examples().forEach(example -> out.println("  " + example));
        }
        return report;
    }

    /**
     * Feature records become visible with the checkpoint after the changes that caused them, so
     * the check repeats until it holds or the limit passes.
     */
    private FeatureReport awaitFeatures(FeatureReconciler reconciler) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        FeatureReport report = reconciler.reconcile();
        while (!report.consistent() && System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1);
            report = reconciler.reconcile();
        }
        if (!report.consistent()) {
            out.println("features: NOT equal to the brute-force recomputation; first differences:");
            report.examples().forEach(example -> out.println("  " + example));
        }
        return report;
    }

    private static void requireRunning(DemoPipeline pipeline) throws Exception {
        if (pipeline.job().getJobStatus().get().isGloballyTerminalState()) {
            pipeline.job().getJobExecutionResult().get();
            throw new IllegalStateException("The pipeline job ended before the demo did");
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
