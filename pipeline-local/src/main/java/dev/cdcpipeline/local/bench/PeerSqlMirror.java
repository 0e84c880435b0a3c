package dev.cdcpipeline.local.bench;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.local.demo.SqlMirror;
import dev.cdcpipeline.sql.RunningScript;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

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
}
