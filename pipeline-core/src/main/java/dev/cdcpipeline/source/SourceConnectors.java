package dev.cdcpipeline.source;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.config.MySqlSourceSettings;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.mysql.MySqlBinlogCheck;
import dev.cdcpipeline.source.mysql.MySqlCatalog;
import dev.cdcpipeline.source.mysql.MySqlConnections;
import dev.cdcpipeline.source.mysql.MySqlSourceFactory;
import dev.cdcpipeline.source.postgres.PostgresCatalog;
import dev.cdcpipeline.source.postgres.PostgresConnections;
import dev.cdcpipeline.source.postgres.PostgresReplicationSetup;
import dev.cdcpipeline.source.postgres.PostgresSourceFactory;
import dev.cdcpipeline.source.postgres.WalRetentionMonitor;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What each kind of source does before the job starts, and the Flink source it adds to the job. */
public final class SourceConnectors {

    private SourceConnectors() {}

    /**
     * Checks that the database can be captured, prepares what capture needs (PostgreSQL: the
     * publication), and returns the tables its patterns match, with their schemas.
     */
    public static List<SourceTable> prepare(SourceSettings source) {
        if (source instanceof MySqlSourceSettings mySql) {
            MySqlBinlogCheck.requireRowBinlog(mySql);
            return MySqlCatalog.discover(mySql);
        }
        PostgresSourceSettings postgres = (PostgresSourceSettings) source;
        List<SourceTable> tables = PostgresCatalog.discover(postgres);
        PostgresReplicationSetup.prepare(postgres, tables);
        return tables;
    }

    /**
     * The tables the source's patterns match, with their schemas, read without changing anything
     * on the server (PostgreSQL: no publication, no replica identity), for {@code verify}. Unlike
     * {@link #prepare} it does not check MySQL's binlog settings.
     */
    public static List<SourceTable> describeTables(SourceSettings source) {
        if (source instanceof MySqlSourceSettings mySql) {
            return MySqlCatalog.discover(mySql);
        }
        return PostgresCatalog.discover((PostgresSourceSettings) source);
    }

    /** A plain JDBC connection to the source database, with the settings the pipeline's own checks use. */
    public static Connection openConnection(SourceSettings source) throws SQLException {
        if (source instanceof MySqlSourceSettings mySql) {
            return MySqlConnections.open(mySql);
        }
        return PostgresConnections.open((PostgresSourceSettings) source);
    }

    /** The operator id of a source: part of savepoints, so it must not change. */
    public static String uid(SourceSettings source) {
        return "source-" + source.name();
    }

    public static DataStream<ChangeEvent> addTo(StreamExecutionEnvironment environment, SourceSettings source, List<SourceTable> tables) {
        String name = source.describe();
        if (source instanceof MySqlSourceSettings mySql) {
            return environment.fromSource(MySqlSourceFactory.create(mySql, tables), WatermarkStrategy.noWatermarks(), name)
                    .uid(uid(source));
        }
        PostgresSourceSettings postgres = (PostgresSourceSettings) source;
        return environment.fromSource(PostgresSourceFactory.create(postgres, tables), WatermarkStrategy.noWatermarks(), name)
                .uid(uid(source))
                .map(new WalRetentionMonitor(postgres))
                .uid("wal-monitor-" + source.name())
                .name("WAL retained by slot " + postgres.slotName());
    }
}
