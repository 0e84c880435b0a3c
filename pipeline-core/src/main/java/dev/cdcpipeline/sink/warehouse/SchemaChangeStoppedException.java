package dev.cdcpipeline.sink.warehouse;

/**
 * Why the pipeline stopped at a schema change of a source table: one the configuration says to stop
 * at ({@code pipeline.schema-changes: fail}), or one the warehouse cannot follow safely. Thrown
 * inside Flink's {@link org.apache.flink.runtime.execution.SuppressRestartsException}, so that the
 * job ends FAILED with this message instead of restarting into the same change again. The message
 * names the table, the column and what to do; it never holds a value.
 */
public final class SchemaChangeStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SchemaChangeStoppedException(String message) {
        super(message);
    }
}
