package dev.cdcpipeline.local.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Runs a mirror over the first rows of the snapshot and stops it, before the measured snapshots,
 * so that these measure mirrors the JVM has compiled, as a job that runs for hours is.
 *
 * <p>Why: the bench runs every mirror in one JVM. Without a warm-up, the first mirror measured
 * pays for compiling the code the mirrors share (Flink's runtime, the CDC source, the Kafka
 * producer, the PostgreSQL driver): in a profile of a 1M-row snapshot, the JIT compiler threads
 * took 28 % of the JVM's CPU, and the mirror measured second ran on code the first had compiled.
 * Both mirrors are warmed up, each with its own code, in the order they are measured.
 */
final class MirrorWarmUp {

    static final String PHASE = "warm_up";
    /** Rows each mirror writes into both sinks before it is stopped: a few seconds of snapshot. */
    static final long ROWS = 200_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private final BenchServers servers;
    private final BenchThreads threads;
    private final PrintStream out;

    MirrorWarmUp(BenchServers servers, BenchThreads threads, PrintStream out) {
        this.servers = servers;
        this.threads = threads;
        this.out = out;
    }

    /** The rows a warm-up writes for a snapshot of {@code rows} rows. */
    static long rowsFor(long rows) {
        return Math.min(rows, ROWS);
    }

    /**
     * Starts the mirror, waits until both sinks hold {@code wanted} rows ({@link #rowsFor}), stops it.
     *
     * @return the seconds that took
     */
    double run(Callable<StartedMirror> starter, long wanted) throws Exception {
        long started = System.nanoTime();
        StartedMirror mirror = starter.call();
        ArrivalCounter kafka = new ArrivalCounter();
        try (CommittedTopicTail tail = CommittedTopicTail.start(threads, servers.kafkaBootstrapServers(), mirror.ordersTopic(),
                        Duration.ofMillis(100), kafka);
                WarehouseTableProgress warehouse = new WarehouseTableProgress(servers, mirror.ordersTable())) {
            while (kafka.count() < wanted || warehouse.count() < wanted) {
                if (System.nanoTime() - started > LIMIT.toNanos()) {
                    throw new IllegalStateException(PHASE + ": " + wanted + " rows did not arrive within " + LIMIT.toMinutes()
                            + " min: Kafka " + kafka.count() + ", warehouse " + warehouse.count());
                }
                tail.check();
                mirror.requireRunning();
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
        } finally {
            mirror.cancelAndAwaitEnd();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("%s: %s wrote %,d rows into both sinks in %.1f s, stopped%n", PHASE, mirror.engine(), wanted, seconds);
        return seconds;
    }
}
