package dev.cdcpipeline.config;

/** {@code source.startup-mode}: where the source starts reading when the pipeline starts without state. */
public enum StartupMode {
    /** {@code initial}: snapshot the tables, then follow the binlog from the snapshot's position. */
    INITIAL,
    /** {@code latest}: skip the snapshot and follow the binlog from its current end. */
    LATEST,
    /** {@code snapshot-only}: snapshot the tables and stop; the binlog is not read. */
    SNAPSHOT_ONLY
}
