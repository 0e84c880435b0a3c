package dev.cdcpipeline.config;

/**
 * {@code pipeline.schema-changes}: what the pipeline does when a captured table's schema changes
 * while it runs, as the warehouse sees it: a column it lacks, a value its column cannot hold.
 */
public enum SchemaChangeMode {
    /**
     * {@code evolve}: the warehouse table follows the source (ADD COLUMN, RENAME COLUMN, safe type
     * widenings, NOT NULL dropped for columns the source dropped); the job restarts once to write
     * with the new columns. A change that cannot be followed safely stops the job as {@link #FAIL} does.
     */
    EVOLVE,
    /**
     * {@code ignore}: the warehouse table is never altered; columns it lacks are not written and a
     * value it cannot hold goes to the dead letters.
     */
    IGNORE,
    /** {@code fail}: the job stops, without restarting, at the first schema change. */
    FAIL
}
