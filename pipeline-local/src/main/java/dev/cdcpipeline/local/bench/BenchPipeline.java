package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.Delivery;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.config.StartupMode;
import dev.cdcpipeline.job.PipelineLauncher;
import dev.cdcpipeline.job.PipelinePlan;
import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.LocalEnvironments;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Our pipeline as each measurement runs it: {@code shop.orders} and the latency probe table from
 * MariaDB into the warehouse and Kafka, with the playground's sink settings (batches of 500 rows
 * flushed at least every 200 ms, as the peer's SQL script has them) and the pipeline's defaults
 * for everything else (snapshot chunks of 8,096 rows, Debezium's poll interval at 10 ms).
 *
 * @param name the pipeline's name: each run gets its own warehouse schema, topics and transactional ids
 * @param serverIdBase the first of {@code parallelism} binlog client ids, unique per run
 * @param flinkOptions more options for the definition's {@code flink:} section ({@code bench --flink})
 */
record BenchPipeline(String name, StartupMode startupMode, Delivery delivery, Duration checkpointInterval, int parallelism,
        int serverIdBase, Map<String, String> flinkOptions) {

    private static final TableId ORDERS = new TableId("mysql", "shop", "orders");
    private static final TableId PROBES = new TableId("mysql", OrdersTableLoader.PROBE_DATABASE, OrdersTableLoader.PROBE_TABLE);

    String yaml(Map<String, String> servers, Path checkpointRoot) {
        return """
                pipeline:
                  name: %s
                  parallelism: %d
                source:
                  type: mariadb
                  name: mysql
                  hostname: %s
                  port: %s
                  username: %s
                  password: ${MYSQL_PASSWORD}
                  tables: shop.orders, %s.%s
                  server-id: %d-%d
                  server-time-zone: UTC
                  startup-mode: %s
                warehouse:
                  url: jdbc:postgresql://%s:%s/%s
                  username: %s
                  password: ${WAREHOUSE_PASSWORD}
                  schema: %s
                  batch-size: 500
                  flush-interval: 200ms
                kafka:
                  bootstrap-servers: %s
                  delivery: %s
                  topic-partitions: %d
                flink:
                """.formatted(
                name, parallelism,
                servers.get("MYSQL_HOST"), servers.get("MYSQL_PORT"), servers.get("MYSQL_USER"),
                OrdersTableLoader.PROBE_DATABASE, OrdersTableLoader.PROBE_TABLE,
                serverIdBase, serverIdBase + parallelism - 1, kebab(startupMode),
                servers.get("WAREHOUSE_HOST"), servers.get("WAREHOUSE_PORT"), servers.get("WAREHOUSE_DATABASE"),
                servers.get("WAREHOUSE_USER"), warehouseSchema(),
                servers.get("KAFKA_BOOTSTRAP_SERVERS"), kebab(delivery), parallelism)
                + flinkSection(checkpointRoot);
    }

    /** The bench's checkpoint settings, then the options given with {@code --flink}, which win. */
    private String flinkSection(Path checkpointRoot) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("execution.checkpointing.interval", checkpointInterval.toMillis() + " ms");
        options.put("execution.checkpointing.dir", checkpointRoot.resolve(name).toUri().toString());
        options.putAll(flinkOptions);
        StringBuilder lines = new StringBuilder();
        // Quoted: any value stays one YAML string.
        options.forEach((key, value) -> lines.append("  ").append(key).append(": \"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n"));
        return lines.toString();
    }

    String warehouseSchema() {
        return name.replace('-', '_');
    }

    /** Checks, prepares and starts the pipeline in a local mini-cluster, as {@code run} would. */
    StartedMirror start(BenchServers servers, Path checkpointRoot) throws Exception {
        PipelineDefinition definition = PipelineDefinitionParser.parse(yaml(servers.variables(), checkpointRoot), servers.variables());
        RunningPipeline pipeline = PipelineLauncher.start(definition, LocalEnvironments::create);
        PipelinePlan plan = pipeline.plan();
        Path checkpoints = checkpointRoot.resolve(name).resolve(pipeline.job().getJobID().toString());
        return new StartedMirror("pipeline", pipeline.job(), warehouseTable(plan, ORDERS), plan.topicByTable().get(ORDERS),
                Optional.of(new StartedMirror.ProbeOutputs(warehouseTable(plan, PROBES), plan.topicByTable().get(PROBES))),
                Optional.of(checkpoints));
    }

    private static String warehouseTable(PipelinePlan plan, TableId table) {
        return plan.warehouseTables().stream()
                .filter(candidate -> candidate.source().equals(table))
                .map(WarehouseTable::qualifiedName)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The pipeline has no warehouse table for " + table));
    }

    private static String kebab(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
