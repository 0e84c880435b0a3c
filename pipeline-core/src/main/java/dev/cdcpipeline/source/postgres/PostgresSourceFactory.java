package dev.cdcpipeline.source.postgres;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.deadletter.DeadLetter;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.source.debezium.ChangeEventDeserializer;
import dev.cdcpipeline.source.debezium.SourceDialect;

import org.apache.flink.cdc.connectors.base.options.StartupOptions;
import org.apache.flink.cdc.connectors.postgres.source.PostgresSourceBuilder.PostgresIncrementalSource;
import org.apache.flink.types.Either;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** Builds Flink CDC's incremental PostgreSQL source (parallel snapshot, then the WAL through pgoutput). */
public final class PostgresSourceFactory {

    /**
     * Debezium settings we rely on: the publication is ours (see {@link PostgresReplicationSetup}),
     * so Debezium must not create or alter it; the short poll interval avoids Debezium's queue
     * waiting 500 ms per snapshot chunk (as for MySQL); precise decimals. A user's
     * {@code debezium.*} settings override these.
     */
    static final Map<String, String> DEBEZIUM_DEFAULTS = Map.of(
            "publication.autocreate.mode", "disabled",
            "poll.interval.ms", "10",
            "decimal.handling.mode", "precise");

    private PostgresSourceFactory() {}

    public static PostgresIncrementalSource<Either<DeadLetter, ChangeEvent>> create(PostgresSourceSettings source, List<SourceTable> tables) {
        Properties debezium = new Properties();
        debezium.putAll(DEBEZIUM_DEFAULTS);
        debezium.setProperty("publication.name", source.publicationName());
        debezium.putAll(source.debeziumProperties());
        return PostgresIncrementalSource.<Either<DeadLetter, ChangeEvent>>builder()
                .hostname(source.hostname())
                .port(source.port())
                .database(source.database())
                .schemaList(tables.stream().map(table -> table.id().database()).distinct().toArray(String[]::new))
                .tableList(tables.stream().map(table -> table.id().database() + "." + table.id().table()).toArray(String[]::new))
                .username(source.username())
                .password(source.password().value())
                .slotName(source.slotName())
                .decodingPluginName("pgoutput")
                .splitSize(source.snapshotChunkSize())
                .heartbeatInterval(source.heartbeatInterval())
                .startupOptions(startupOptions(source))
                .debeziumProperties(debezium)
                .deserializer(new ChangeEventDeserializer(source.name(), SourceDialect.POSTGRES,
                        tables.stream().collect(Collectors.toMap(SourceTable::id, SourceTable::jsonColumns))))
                .build();
    }

    private static StartupOptions startupOptions(PostgresSourceSettings source) {
        return switch (source.startupMode()) {
            case INITIAL -> StartupOptions.initial();
            case LATEST -> StartupOptions.latest();
            case SNAPSHOT_ONLY -> StartupOptions.snapshot();
        };
    }
}
