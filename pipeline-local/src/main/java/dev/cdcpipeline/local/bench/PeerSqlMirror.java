package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.local.demo.SqlMirror;
import dev.cdcpipeline.sql.RunningScript;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The peer: the same mirror written in Flink SQL, {@code sql/mysql-to-warehouse-and-kafka.sql}
 * ({@code mysql-cdc} into {@code jdbc} upserts and {@code upsert-kafka}, exactly-once, one
 * statement set), as the demo's {@code --engine sql} runs it, at the same parallelism and
 * checkpoint interval as our pipeline.
 */
final class PeerSqlMirror {

    private static final TableId ORDERS = new TableId("mysql", "shop", "orders");

    private PeerSqlMirror() {}

    static StartedMirror start(BenchServers servers, int parallelism, Duration checkpointInterval) throws Exception {
        SqlMirror mirror = SqlMirror.prepare(servers.playground(), SqlMirror.bundledScript(SqlMirror.WAREHOUSE_TABLES));
        // The script runner prints each job it submits; the bench prints its own lines.
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        RunningScript script = mirror.start(SqlMirror.bundledScript(SqlMirror.SCRIPT), parallelism, checkpointInterval, quiet);
        String table = mirror.plan().warehouseTables().stream()
                .filter(candidate -> candidate.source().equals(ORDERS))
                .map(WarehouseTable::qualifiedName)
                .findFirst()
                .orElseThrow();
        return new StartedMirror("flink-sql", script.jobs().get(0).client(), table, mirror.plan().topicByTable().get(ORDERS),
                Optional.empty(), Optional.empty());
    }

    /**
     * Empties what a stopped peer wrote: its warehouse tables, and its topics up to their ends
     * (consumers that read them from the beginning start there), for the next peer job to start on
     * empty outputs. The script's table and topic names are fixed; ours differ by pipeline name.
     */
    static void clearOutputs(BenchServers servers) throws Exception {
        SqlMirror mirror = SqlMirror.prepare(servers.playground(), SqlMirror.bundledScript(SqlMirror.WAREHOUSE_TABLES));
        try (Connection warehouse = servers.warehouse(); Statement statement = warehouse.createStatement()) {
            for (WarehouseTable table : mirror.plan().warehouseTables()) {
                statement.execute("TRUNCATE " + table.qualifiedName());
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(mirror.plan().topicByTable().values()).allTopicNames()
                    .get(1, TimeUnit.MINUTES).values()) {
                topic.partitions().forEach(partition ->
                        partitions.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, RecordsToDelete> upToTheEnd = new HashMap<>();
            admin.listOffsets(partitions).all().get(1, TimeUnit.MINUTES).forEach((partition, end) ->
                    upToTheEnd.put(partition, RecordsToDelete.beforeOffset(end.offset())));
            admin.deleteRecords(upToTheEnd).all().get(1, TimeUnit.MINUTES);
        }
    }
}
