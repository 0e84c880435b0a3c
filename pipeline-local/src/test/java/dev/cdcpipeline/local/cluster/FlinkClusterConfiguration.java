package dev.cdcpipeline.local.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code conf/config.yaml} of the test cluster: the production configuration (deploy/flink/config.yaml) with
 * what belongs to this machine put in its place: loopback addresses, free ports, small memory sizes, and local
 * directories for checkpoints, savepoints and temporary files. Everything else (RocksDB with incremental
 * checkpoints, the restart strategy, the Prometheus reporter) runs as it would in production.
 */
final class FlinkClusterConfiguration {

    static final int TASK_SLOTS = 2;

    private final Map<String, String> options;

    private FlinkClusterConfiguration(Map<String, String> options) {
        this.options = options;
    }

    static FlinkClusterConfiguration forThisMachine(Path productionConfiguration, Path workDirectory, int restPort, int rpcPort) {
        Map<String, String> options = new LinkedHashMap<>();
        YamlDocuments.flinkOptions(YamlDocuments.readAll(productionConfiguration).get(0)).forEach((key, value) -> {
            // sized for production; FlinkProcessMemory sets every component instead
            if (!key.contains(".memory.")) {
                options.put(key, value);
            }
        });
        options.putAll(Map.of(
                "jobmanager.rpc.address", "localhost",
                "jobmanager.bind-host", "localhost",
                "jobmanager.rpc.port", String.valueOf(rpcPort),
                "rest.address", "localhost",
                "rest.bind-address", "localhost",
                "rest.port", String.valueOf(restPort),
                "taskmanager.host", "localhost",
                "taskmanager.bind-host", "localhost",
                "taskmanager.numberOfTaskSlots", String.valueOf(TASK_SLOTS),
                "taskmanager.cpu.cores", String.valueOf(TASK_SLOTS)));
        options.putAll(Map.of(
                "execution.checkpointing.dir", workDirectory.resolve("checkpoints").toUri().toString(),
                "execution.checkpointing.savepoint-dir", workDirectory.resolve("savepoints").toUri().toString(),
                "io.tmp.dirs", workDirectory.resolve("tmp").toString(),
                "web.tmpdir", workDirectory.resolve("web").toString()));
        options.putAll(FlinkProcessMemory.JOB_MANAGER.flinkOptions());
        options.putAll(FlinkProcessMemory.TASK_MANAGER.flinkOptions());
        return new FlinkClusterConfiguration(options);
    }

    /** Writes {@code config.yaml}, one flat key per line, into the directory; returns the directory. */
    Path writeTo(Path configurationDirectory) throws IOException {
        Files.createDirectories(configurationDirectory);
        String yaml = options.entrySet().stream()
                .map(option -> option.getKey() + ": " + quoted(option.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(configurationDirectory.resolve("config.yaml"), yaml);
        return configurationDirectory;
    }

    /** Single-quoted YAML: paths and URIs need no escaping, and Flink parses each value by its option's type. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
