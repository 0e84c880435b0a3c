package dev.cdcpipeline.config;

/** {@code type} of a source: which database's log it reads. */
public enum SourceType {
    /** {@code mysql}: the binlog, through Flink CDC's MySQL connector */
    MYSQL,
    /** {@code mariadb}: the binlog, through the same connector as MySQL */
    MARIADB,
    /** {@code postgres}: the write-ahead log through logical decoding ({@code pgoutput}) */
    POSTGRES;

    /** The source's name when the definition gives none: {@code mysql} for MariaDB too. */
    public String defaultSourceName() {
        return this == POSTGRES ? "postgres" : "mysql";
    }
}
