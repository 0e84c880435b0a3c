package dev.cdcpipeline.local.chaos;

import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.PipelineLauncher;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.demo.DemoShop;
import dev.cdcpipeline.local.demo.DemoSources;
import dev.cdcpipeline.local.demo.LoadGenerator;
import dev.cdcpipeline.local.demo.Playground;
import dev.cdcpipeline.local.infra.TcpProxy;
import dev.cdcpipeline.local.verify.ReconciliationReport;
import dev.cdcpipeline.local.verify.Reconciler;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The playground's shop pipeline run for a while on a {@link ChaosCluster} while the generator
 * keeps changing the shop and failures strike at the moments the seed chose: TaskManagers lost,
 * JobManager failovers, the source database and the Kafka broker restarted, the warehouse cut
 * off. Then the generator stops, the pipeline catches up, and the warehouse and the topics are
 * reconciled against the source: every row, every key's change history.
 */
public final class ChaosRun {

    private static final String PIPELINE = "chaos";
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(3);
    /**
     * Restarts at once and without giving up: a chaos run fails the job far more often than
     * production would, and the pipeline's default (stop after 10 restarts without 10 calm
     * minutes) is made for production.
     */
    private static final String RESTART_OPTIONS = """
            restart-strategy.exponential-delay.initial-backoff: 500 ms
            restart-strategy.exponential-delay.max-backoff: 5 s
            restart-strategy.exponential-delay.attempts-before-reset-backoff: 1000
            """;

    private final ChaosOptions options;
    private final PrintStream out;

    public ChaosRun(ChaosOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The failures injected and what the reconciliation found. */
    public record Result(long seed, int failures, ReconciliationReport report) {

        public String summaryLine() {
            return "chaos: seed=" + seed + " failures=" + failures + " rows_checked=" + report.sourceRows()
                    + " lost=" + report.lost() + " duplicated=" + report.duplicated() + " mismatches=" + report.mismatched();
        }
    }

    public Result run() throws Exception {
        List<ChaosSchedule.Strike> strikes = ChaosSchedule.plan(options.seed(), options.duration());
        out.println("chaos: seed " + options.seed() + ", " + strikes.size() + " failures planned over "
                + options.duration().toSeconds() + " s (repeat with --seed " + options.seed() + ")");
        try (Playground playground = Playground.start(options.workDirectory());
                ChaosCluster cluster = ChaosCluster.start(options.parallelism());
                TcpProxy warehouseLink = playground.startWarehouseLink()) {
            try (Connection connection = playground.sourceAdminConnection()) {
                DemoShop.createAndSeed(connection, options.seed(), Math.max(1, options.orders() / 5),
                        Math.max(1, options.orders() / 30), options.orders());
            }
            RunningPipeline pipeline = PipelineLauncher.start(definition(playground, warehouseLink), cluster::environment);
            out.println("pipeline: started as Flink job " + pipeline.job().getJobID() + " at parallelism " + options.parallelism());
            FaultInjector faults = new FaultInjector(cluster, playground, warehouseLink);
            try (LoadGenerator generator = LoadGenerator.start(playground::sourceAdminConnectionUnchecked, options.seed() + 1,
                    options.changesPerSecond())) {
                long started = System.nanoTime();
                for (ChaosSchedule.Strike strike : strikes) {
                    waitUntil(started, strike.at());
                    String outage = strike.fault().hasOutage() ? String.format(" for %.1f s", strike.outage().toMillis() / 1000.0) : "";
                    out.printf("chaos: %4d s  %s%s (source changes so far: %d)%n",
                            strike.at().toSeconds(), strike.fault().description(), outage, generator.committedChanges());
                    faults.inject(strike.fault(), pipeline.job().getJobID(), strike.outage());
                }
                waitUntil(started, options.duration());
                long changes = generator.stop();
                out.println("generator: stopped after " + changes + " committed changes (" + generator.connectionLosses()
                        + " cut off by a restart); waiting for the pipeline to catch up");
            }
            ReconciliationReport report = awaitConsistent(new Reconciler(pipeline.plan()));
            pipeline.job().cancel().get(60, TimeUnit.SECONDS);
            return new Result(options.seed(), strikes.size(), report);
        }
    }

    private PipelineDefinition definition(Playground playground, TcpProxy warehouseLink) throws Exception {
        String yaml = playground.pipelineYaml(DemoSources.MYSQL, PIPELINE, options.parallelism(), CHECKPOINT_INTERVAL,
                options.workDirectory().resolve("checkpoints"), RESTART_OPTIONS);
        // The pipeline reaches the warehouse through the link the run cuts; the reconciliation goes direct.
        yaml = playground.throughWarehouseLink(yaml, warehouseLink);
        Path file = Files.writeString(options.workDirectory().resolve("chaos-pipeline.yaml"), yaml);
        out.println("playground: pipeline definition in " + file);
        return PipelineDefinitionParser.parse(yaml, playground.secrets());
    }

    private ReconciliationReport awaitConsistent(Reconciler reconciler) throws Exception {
        long started = System.nanoTime();
        long deadline = started + CATCH_UP_LIMIT.toNanos();
        ReconciliationReport report = reconciler.reconcile();
        while (!report.consistent() && System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1);
            report = reconciler.reconcile();
        }
        if (report.consistent()) {
            out.printf("pipeline: caught up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        } else {
            out.println("pipeline: NOT consistent after " + CATCH_UP_LIMIT.toSeconds() + " s; first differences:");
            report.examples().forEach(example -> out.println("  " + example));
        }
        out.println(report.summaryLine());
        return report;
    }

    /** Pacing the run to its schedule: a deliberate wait until a moment, not a wait for a condition. */
    private static void waitUntil(long startedNanos, Duration moment) throws InterruptedException {
        long remaining = startedNanos + moment.toNanos() - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }
}
