package dev.cdcpipeline.config;

/** {@code warehouse.delete-mode}: what a delete in the source does to the warehouse row. */
public enum DeleteMode {
    /** {@code soft}: the row stays and is marked as deleted. */
    SOFT,
    /** {@code hard}: the row is deleted. */
    HARD
}
