package dev.cdcpipeline.sink.warehouse;

/**
 * Thrown once a warehouse table has followed its source table's schema: each JDBC writer's
 * statement names its table's columns, fixed when the writer opens, so the job fails over once and
 * Flink restarts it from the last checkpoint with writers that write the new columns. The replay
 * that follows is harmless: every write is guarded by the source position.
 */
public final class WarehouseEvolvedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    WarehouseEvolvedException(String qualifiedTable, String done) {
        super("warehouse table " + qualifiedTable + " evolved (" + done + "): restarting to write with the new columns");
    }
}
