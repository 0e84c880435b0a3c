package dev.cdcpipeline.local.chaos;

/** The failures a pipeline must survive without losing or duplicating a change. */
public enum Fault {
    /** The TaskManager running the job dies; a new one takes over after a while. */
    TASK_MANAGER_LOSS("TaskManager lost"),
    /** The JobManager loses leadership of the job; a new JobMaster recovers it from the last checkpoint. */
    JOB_MANAGER_FAILOVER("JobManager failover") {
        @Override
        public boolean hasOutage() {
            // A standby takes over at once: there is nothing to keep broken for a while.
            return false;
        }
    },
    /** The source database shuts down and starts again. */
    SOURCE_DATABASE_RESTART("source database restarted"),
    /** The Kafka broker shuts down and starts again. */
    KAFKA_BROKER_RESTART("Kafka broker restarted"),
    /** The network to the warehouse is cut for a while: connections reset, new ones refused. */
    WAREHOUSE_OUTAGE("warehouse unreachable");

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether the fault stays in place for an outage before it is repaired. */
    public boolean hasOutage() {
        return true;
    }
}
