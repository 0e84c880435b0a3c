package dev.cdcpipeline.local.cluster;

import dev.cdcpipeline.local.infra.FreePorts;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Flink 1.20 standalone session cluster on this machine: one JobManager and one TaskManager with
 * {@value FlinkClusterConfiguration#TASK_SLOTS} slots, each its own JVM, configured from deploy/flink/config.yaml.
 * Both processes end when the cluster is closed, and when this JVM exits without closing it.
 */
final class StandaloneFlinkCluster implements AutoCloseable {

    private static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(90);
    private static final long STOP_GRACE_SECONDS = 15;
    private static final String PROMETHEUS_PORT = "metrics.reporter.prom.port";

    private final FlinkRestClient rest;
    private final int restPort;
    private final FlinkProcess jobManager;
    private final FlinkProcess taskManager;
    private final int jobManagerPrometheusPort;
    private final int taskManagerPrometheusPort;
    private final Thread killOnExit;

    private StandaloneFlinkCluster(int restPort, FlinkRestClient rest, FlinkProcess jobManager, FlinkProcess taskManager,
            int jobManagerPrometheusPort, int taskManagerPrometheusPort) {
        this.rest = rest;
        this.restPort = restPort;
        this.jobManager = jobManager;
        this.taskManager = taskManager;
        this.jobManagerPrometheusPort = jobManagerPrometheusPort;
        this.taskManagerPrometheusPort = taskManagerPrometheusPort;
        this.killOnExit = new Thread(() -> List.of(taskManager, jobManager).forEach(FlinkProcess::kill), "kill-flink-cluster");
    }

    /**
     * Starts the cluster and waits until its TaskManager has registered its slots. {@code jobManagerEnvironment}
     * is added to the JobManager's environment: the main() of a jar run through the REST API runs there and reads
     * the pipeline's secrets from it.
     */
    static StandaloneFlinkCluster start(Path workDirectory, Path logDirectory, Map<String, String> jobManagerEnvironment)
            throws Exception {
        String classpath = Files.readString(BuildOutputs.flinkLibClasspathFile()).strip();
        int[] ports = FreePorts.pick(4);
        int restPort = ports[0];
        int rpcPort = ports[1];
        int jobManagerPrometheusPort = ports[2];
        int taskManagerPrometheusPort = ports[3];
        Path configurationDirectory = FlinkClusterConfiguration
                .forThisMachine(BuildOutputs.deployDirectory().resolve("flink/config.yaml"), workDirectory, restPort, rpcPort)
                .writeTo(workDirectory.resolve("conf"));
        try (InputStream log4j = StandaloneFlinkCluster.class.getResourceAsStream("/flink-cluster/log4j.properties")) {
            Files.copy(log4j, configurationDirectory.resolve("log4j.properties"));
        }

        FlinkProcess jobManager = FlinkProcess.start("jobmanager", JOB_MANAGER_MAIN, FlinkProcessMemory.JOB_MANAGER,
                classpath, configurationDirectory, logDirectory, Map.of(PROMETHEUS_PORT, String.valueOf(jobManagerPrometheusPort)),
                jobManagerEnvironment);
        FlinkProcess taskManager = FlinkProcess.start("taskmanager", TASK_MANAGER_MAIN, FlinkProcessMemory.TASK_MANAGER,
                classpath, configurationDirectory, logDirectory, Map.of(PROMETHEUS_PORT, String.valueOf(taskManagerPrometheusPort)),
                Map.of());
        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(restPort, new FlinkRestClient(URI.create("http://localhost:" + restPort)),
                jobManager, taskManager, jobManagerPrometheusPort, taskManagerPrometheusPort);
        Runtime.getRuntime().addShutdownHook(cluster.killOnExit);
        try {
            cluster.awaitSlots();
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    FlinkRestClient rest() {
        return rest;
    }

    /** The port of the JobManager's REST endpoint on localhost, where clients submit jobs. */
    int restPort() {
        return restPort;
    }

    URI jobManagerMetrics() {
        return URI.create("http://localhost:" + jobManagerPrometheusPort + "/metrics");
    }

    URI taskManagerMetrics() {
        return URI.create("http://localhost:" + taskManagerPrometheusPort + "/metrics");
    }

    /** The last lines of both processes' logs, to explain a failure. */
    String logTails() {
        return jobManager.logTail() + "\n" + taskManager.logTail();
    }

    private void awaitSlots() throws Exception {
        long deadline = System.nanoTime() + STARTUP_PATIENCE.toNanos();
        while (!allSlotsRegistered()) {
            for (FlinkProcess process : List.of(jobManager, taskManager)) {
                if (!process.isAlive()) {
                    throw new AssertionError("The " + process.name() + " process ended while the cluster started\n" + process.logTail());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The cluster did not offer its slots within " + STARTUP_PATIENCE + "\n" + logTails());
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private boolean allSlotsRegistered() {
        try {
            JsonNode overview = rest.overview();
            return overview.path("taskmanagers").asInt() == 1
                    && overview.path("slots-total").asInt() == FlinkClusterConfiguration.TASK_SLOTS;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        taskManager.stop(STOP_GRACE_SECONDS);
        jobManager.stop(STOP_GRACE_SECONDS);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook runs anyway and finds both processes gone
        }
    }
}
