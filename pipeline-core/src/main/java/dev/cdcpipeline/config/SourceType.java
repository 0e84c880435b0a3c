package dev.cdcpipeline.config;

/** {@code source.type}: the database the binlog is read from. Both use the same Flink CDC MySQL connector. */
public enum SourceType {
    /** {@code mysql} */
    MYSQL,
    /** {@code mariadb} */
    MARIADB
}
