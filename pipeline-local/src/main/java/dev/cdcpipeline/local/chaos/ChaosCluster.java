package dev.cdcpipeline.local.chaos;

import dev.cdcpipeline.local.progress.PipelineMetrics;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.highavailability.nonha.embedded.HaLeadershipControl;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A Flink mini-cluster in this JVM whose parts can fail on purpose: its TaskManager can be lost
 * (its tasks die with it and a new TaskManager takes over), and its JobManager can lose leadership
 * of a job (a new JobMaster recovers the job from the last completed checkpoint, as after a
 * JobManager failover in an HA setup). Jobs reach it through its REST endpoint, as a client would.
 */
public final class ChaosCluster implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    private final MiniCluster cluster;
    private final URI restAddress;
    /** MiniCluster keeps terminated TaskManagers in its list: the live one is the last started. */
    private int liveTaskManager;

    private ChaosCluster(MiniCluster cluster, URI restAddress) {
        this.cluster = cluster;
        this.restAddress = restAddress;
    }

    /** One TaskManager with {@code slots} slots: enough for a pipeline of that parallelism. */
    public static ChaosCluster start(int slots) throws Exception {
        Configuration configuration = new Configuration();
        PipelineMetrics.REPORTER_CONFIGURATION.forEach(configuration::setString);
        configuration.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .setHaServices(MiniCluster.HaServices.WITH_LEADERSHIP_CONTROL)
                .withRandomPorts()
                .build());
        cluster.start();
        try {
            return new ChaosCluster(cluster, cluster.getRestAddress().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * An environment that submits to this cluster with the given job configuration. The job's
     * classes are already on this JVM's class path, which the cluster's tasks share: no jar to ship.
     */
    public StreamExecutionEnvironment environment(Configuration jobConfiguration) {
        return StreamExecutionEnvironment.createRemoteEnvironment(restAddress.getHost(), restAddress.getPort(), jobConfiguration);
    }

    /** Terminates the TaskManager, killing every task on it; {@link #startTaskManager()} brings a new one. */
    public synchronized void loseTaskManager() throws Exception {
        cluster.terminateTaskManager(liveTaskManager).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    public synchronized void startTaskManager() throws Exception {
        cluster.startTaskManager();
        liveTaskManager++;
    }

    /** The job's JobMaster loses leadership, then a new one is elected and recovers the job from its last checkpoint. */
    public void failOverJobManager(JobID job) throws Exception {
        HaLeadershipControl leadership = cluster.getHaLeadershipControl()
                .orElseThrow(() -> new IllegalStateException("The mini-cluster runs without leadership control"));
        leadership.revokeJobMasterLeadership(job).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        leadership.grantJobMasterLeadership(job).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
