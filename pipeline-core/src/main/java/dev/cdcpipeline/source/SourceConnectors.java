package dev.cdcpipeline.source;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.serialization.ChangeEventTypeInfo;
import dev.cdcpipeline.config.MySqlSourceSettings;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.debezium.SourceDeadLetterSplit;
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
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;

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

    /**
     * The operator id of the split right after a source that sets aside the records it could not
     * read. Stateless, but with an id like every operator, so adding state later keeps savepoints.
     */
    public static String deadLetterSplitUid(SourceSettings source) {
        return uid(source) + "-dead-letters";
    }

    /** Adds the source, and the split of its changes from the records it could not read, to the job. */
    public static SourceStreams addTo(StreamExecutionEnvironment environment, SourceSettings source, List<SourceTable> tables) {
        String name = source.describe();
        DataStream<Either<DeadLetter, ChangeEvent>> records = source instanceof MySqlSourceSettings mySql
                ? environment.fromSource(MySqlSourceFactory.create(mySql, tables), WatermarkStrategy.noWatermarks(), name)
                        .uid(uid(source))
                : environment.fromSource(PostgresSourceFactory.create((PostgresSourceSettings) source, tables),
                                WatermarkStrategy.noWatermarks(), name)
                        .uid(uid(source));
        SingleOutputStreamOperator<ChangeEvent> changes = records
                .process(new SourceDeadLetterSplit(source.name()), ChangeEventTypeInfo.INSTANCE)
                .uid(deadLetterSplitUid(source))
                .name("Set aside what " + name + " cannot read");
        DataStream<DeadLetter> deadLetters = changes.getSideOutput(SourceDeadLetterSplit.DEAD_LETTERS);
        if (source instanceof PostgresSourceSettings postgres) {
            return new SourceStreams(changes.map(new WalRetentionMonitor(postgres))
                    .uid("wal-monitor-" + source.name())
                    .name("WAL retained by slot " + postgres.slotName()), deadLetters);
        }
        return new SourceStreams(changes, deadLetters);
    }
}
