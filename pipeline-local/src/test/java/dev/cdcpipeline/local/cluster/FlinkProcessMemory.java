package dev.cdcpipeline.local.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory of one Flink process, small enough for a 2-core test machine. Flink's start scripts derive the
 * JVM's limits from the Flink configuration; started without them, the process gets both from here so that they
 * agree. Every component is explicit: without that, a TaskManager started outside the scripts fails with
 * "Failed to create TaskExecutorResourceSpec".
 */
record FlinkProcessMemory(Map<String, String> flinkOptions, List<String> jvmArguments) {

    static final FlinkProcessMemory JOB_MANAGER = new FlinkProcessMemory(
            options(
                    // main() of a REST-submitted jar runs here: the job jar's classes, JDBC and Kafka admin clients
                    "jobmanager.memory.heap.size", "320m",
                    "jobmanager.memory.off-heap.size", "64m",
                    "jobmanager.memory.jvm-metaspace.size", "256m",
                    "jobmanager.memory.jvm-overhead.min", "96m",
                    "jobmanager.memory.jvm-overhead.max", "96m"),
            List.of("-Xms320m", "-Xmx320m", "-XX:MaxDirectMemorySize=64m", "-XX:MaxMetaspaceSize=256m"));

    static final FlinkProcessMemory TASK_MANAGER = new FlinkProcessMemory(
            options(
                    "taskmanager.memory.framework.heap.size", "128m",
                    "taskmanager.memory.task.heap.size", "256m",
                    // RocksDB's block cache and write buffers, shared by the slots
                    "taskmanager.memory.managed.size", "128m",
                    "taskmanager.memory.framework.off-heap.size", "128m",
                    "taskmanager.memory.task.off-heap.size", "0m",
                    "taskmanager.memory.network.min", "64m",
                    "taskmanager.memory.network.max", "64m",
                    "taskmanager.memory.jvm-metaspace.size", "256m",
                    "taskmanager.memory.jvm-overhead.min", "128m",
                    "taskmanager.memory.jvm-overhead.max", "128m"),
            // heap = framework + task heap; direct = framework + task off-heap + network
            List.of("-Xms384m", "-Xmx384m", "-XX:MaxDirectMemorySize=192m", "-XX:MaxMetaspaceSize=256m"));

    private static Map<String, String> options(String... keysAndValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            options.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return options;
    }
}
