package dev.cdcpipeline.local.chaos;

import dev.cdcpipeline.local.demo.Playground;
import dev.cdcpipeline.local.infra.TcpProxy;

import org.apache.flink.api.common.JobID;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Injects a {@link Fault} into a running pipeline and repairs it after an outage: the pipeline's
 * cluster, the playground's servers, and the link to the warehouse (the pipeline must reach the
 * warehouse through {@code warehouseLink}).
 */
public final class FaultInjector {

    private final ChaosCluster cluster;
    private final Playground playground;
    private final TcpProxy warehouseLink;

    public FaultInjector(ChaosCluster cluster, Playground playground, TcpProxy warehouseLink) {
        this.cluster = cluster;
        this.playground = playground;
        this.warehouseLink = warehouseLink;
    }

    /**
     * Breaks, keeps broken for {@code outage}, and repairs. A fault without an outage
     * ({@link Fault#hasOutage()}) ignores it.
     */
    public void inject(Fault fault, JobID job, Duration outage) throws Exception {
        switch (fault) {
            case TASK_MANAGER_LOSS -> {
                cluster.loseTaskManager();
                pause(outage);
                cluster.startTaskManager();
            }
            case JOB_MANAGER_FAILOVER -> cluster.failOverJobManager(job);
            case SOURCE_DATABASE_RESTART -> {
                playground.mariaDb().stopServer();
                pause(outage);
                playground.mariaDb().startServer();
            }
            case KAFKA_BROKER_RESTART -> {
                playground.kafka().stopBroker();
                pause(outage);
                playground.kafka().startBroker();
            }
            case WAREHOUSE_OUTAGE -> {
                warehouseLink.cut();
                pause(outage);
                warehouseLink.restore();
            }
        }
    }

    /** The outage itself: a deliberate wait, not a wait for a condition. */
    private static void pause(Duration outage) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(outage.toMillis());
    }
}
