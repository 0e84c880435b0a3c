package dev.cdcpipeline.source.debezium;

import dev.cdcpipeline.change.SourcePosition;

import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;

/** How the {@code source} block of a Debezium record names its table and its log position. */
public enum SourceDialect {

    /** The binlog: file, event offset and row in the event order every row change. */
    MYSQL {
        @Override
        String namespaceOf(Struct source) {
            return source.getString("db");
        }

        @Override
        SourcePosition positionOf(Struct source) {
            Integer row = source.getInt32("row");
            return SourcePosition.ofBinlog(source.getString("file"), source.getInt64("pos"), row == null ? 0 : row);
        }

        @Override
        String describePosition(Struct source) {
            return source.getString("file") + ":" + source.getInt64("pos");
        }
    },

    /**
     * The write-ahead log: each change's LSN. Changes of one row are in LSN order (a row is locked
     * from its change until its transaction commits), which is the order dedup needs.
     */
    POSTGRES {
        @Override
        String namespaceOf(Struct source) {
            return source.getString("schema");
        }

        @Override
        SourcePosition positionOf(Struct source) {
            Long lsn = source.getInt64("lsn");
            return new SourcePosition(0, lsn == null ? 0 : lsn, 0);
        }

        @Override
        String describePosition(Struct source) {
            return "LSN " + source.getInt64("lsn");
        }
    };

    /** The database (MySQL) or schema (PostgreSQL) of the changed table. */
    abstract String namespaceOf(Struct source);

    abstract SourcePosition positionOf(Struct source);

    abstract String describePosition(Struct source);
}
