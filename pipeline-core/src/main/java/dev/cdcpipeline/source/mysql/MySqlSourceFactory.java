package dev.cdcpipeline.source.mysql;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.config.MySqlSourceSettings;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.debezium.ChangeEventDeserializer;
import dev.cdcpipeline.source.debezium.SourceDialect;

import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.apache.flink.cdc.connectors.mysql.table.StartupOptions;
import org.apache.flink.types.Either;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds Flink CDC's MySQL source (incremental snapshot, then binlog) for the discovered tables,
 * its readers taking one snapshot split at a time (see {@link OneSnapshotSplitAtATimeSource}).
 */
public final class MySqlSourceFactory {

    /**
     * Debezium settings we rely on. {@code poll.interval.ms} at 10 instead of 500: Debezium's queue
     * otherwise waits the whole interval twice per snapshot chunk (measured: 1.05 s → 0.07 s per
     * chunk, 10x the snapshot rate). The precise modes keep DECIMAL and BIGINT UNSIGNED exact.
     * A user's {@code debezium.*} settings override these.
     */
    static final Map<String, String> DEBEZIUM_DEFAULTS =
            Map.of(
                    "poll.interval.ms", "10",
                    "decimal.handling.mode", "precise",
                    "bigint.unsigned.handling.mode", "precise");

    private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\.\\[\\]{}()<>*+\\-=!?^$|]");

    private MySqlSourceFactory() {}

    public static OneSnapshotSplitAtATimeSource<Either<DeadLetter, ChangeEvent>> create(
            MySqlSourceSettings source, List<SourceTable> tables) {
        return new OneSnapshotSplitAtATimeSource<>(MySqlSource.<Either<DeadLetter, ChangeEvent>>builder()
                .hostname(source.hostname())
                .port(source.port())
                .username(source.username())
                .password(source.password().value())
                .databaseList(tables.stream().map(t -> literal(t.id().database())).distinct().toArray(String[]::new))
                .tableList(tables.stream().map(MySqlSourceFactory::tableListEntry).toArray(String[]::new))
                .serverId(source.serverId().toString())
                .serverTimeZone(source.serverTimeZone().getId())
                .splitSize(source.snapshotChunkSize())
                .startupOptions(startupOptions(source))
                .debeziumProperties(debeziumProperties(source))
                .jdbcProperties(properties(source.jdbcProperties()))
                .includeSchemaChanges(false)
                .deserializer(new ChangeEventDeserializer(source.name(), SourceDialect.MYSQL,
                        tables.stream().collect(Collectors.toMap(SourceTable::id, SourceTable::jsonColumns))))
                .build());
    }

    private static StartupOptions startupOptions(MySqlSourceSettings source) {
        return switch (source.startupMode()) {
            case INITIAL -> StartupOptions.initial();
            case LATEST -> StartupOptions.latest();
            case SNAPSHOT_ONLY -> StartupOptions.snapshot();
        };
    }

    static Properties debeziumProperties(MySqlSourceSettings source) {
        Properties properties = properties(DEBEZIUM_DEFAULTS);
        properties.putAll(source.debeziumProperties());
        return properties;
    }

    private static Properties properties(Map<String, String> values) {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    /** Flink CDC reads table list entries as regular expressions over {@code database.table}. */
    static String tableListEntry(SourceTable table) {
        return literal(table.id().database()) + "\\." + literal(table.id().table());
    }

    private static String literal(String name) {
        return REGEX_SPECIALS.matcher(name).replaceAll(match -> "\\\\" + Matcher.quoteReplacement(match.group()));
    }
}
