package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.config.WarehouseSettings;

import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

/**
 * Builds the flink-connector-jdbc sinks that write to the warehouse, so that every one batches,
 * flushes, retries and connects as the {@code warehouse:} section says.
 */
public final class WarehouseJdbcSinks {

    private WarehouseJdbcSinks() {}

    /**
     * A sink that runs {@code statement} for each element. Batches flush at the batch size, the
     * flush interval and every checkpoint; a failed flush is retried, then fails the job, which
     * replays from the last checkpoint: the statement must make a replayed write harmless.
     */
    public static <T> JdbcSink<T> atLeastOnce(WarehouseSettings settings, JdbcQueryStatement<T> statement) {
        return JdbcSink.<T>builder()
                .withQueryStatement(statement)
                .withExecutionOptions(
                        JdbcExecutionOptions.builder()
                                .withBatchSize(settings.batchSize())
                                .withBatchIntervalMs(settings.flushInterval().toMillis())
                                .withMaxRetries(settings.maxRetries())
                                .build())
                .buildAtLeastOnce(
                        new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                                .withUrl(settings.url())
                                .withDriverName("org.postgresql.Driver")
                                .withUsername(settings.username())
                                .withPassword(settings.password().value())
                                .build());
    }
}
