package dev.cdcpipeline.local.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a pipeline started at the binlog's end ({@code startup-mode: latest}) really reads
 * it: a change made before its binlog reader connected would never arrive, and would count as
 * lost. Writes a probe row every half second until one reaches the warehouse.
 */
final class CaptureCheck {

    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Duration PROBE_EVERY = Duration.ofMillis(500);

    private CaptureCheck() {}

    static void awaitCapturing(BenchServers servers, StartedMirror mirror) throws Exception {
        StartedMirror.ProbeOutputs probes = mirror.probes()
                .orElseThrow(() -> new IllegalArgumentException("The " + mirror.engine() + " job mirrors no probe table"));
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try (Connection source = servers.sourceApplication();
                Connection warehouse = servers.warehouse();
                Statement insert = source.createStatement();
                Statement count = warehouse.createStatement()) {
            while (System.nanoTime() < deadline) {
                mirror.requireRunning();
                insert.executeUpdate(ProbeWriter.INSERT_PROBE);
                TimeUnit.MILLISECONDS.sleep(PROBE_EVERY.toMillis());
                if (rows(count, probes.table()) > 0) {
                    return;
                }
            }
        }
        throw new IllegalStateException("The " + mirror.engine() + " job did not capture a change within " + LIMIT.toSeconds() + " s");
    }

    private static long rows(Statement statement, String table) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
