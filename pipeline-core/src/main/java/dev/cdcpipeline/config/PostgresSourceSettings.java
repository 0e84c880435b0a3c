package dev.cdcpipeline.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PostgreSQL source ({@code source:} or an entry of {@code sources:} with {@code type: postgres}):
 * the database whose write-ahead log the pipeline reads through logical decoding with
 * {@code pgoutput}. The server needs {@code wal_level=logical}.
 *
 * @param name {@code name}, optional, default {@code postgres}: [a-z][a-z0-9_]{0,30}, unique among
 *     the pipeline's sources; the {@code {source}} of warehouse table and topic names
 * @param type always {@link SourceType#POSTGRES}
 * @param hostname {@code hostname}, required
 * @param port {@code port}, optional, default 5432
 * @param username {@code username}, required: a user with {@code REPLICATION} (or the owner of the
 *     tables) and {@code SELECT} on the tables
 * @param password {@code password}, required
 * @param database {@code database}, required: the one database this source reads
 * @param tables {@code tables}, required: {@code schema.table} patterns, as for MySQL sources
 * @param slotName {@code slot-name}, optional, default {@code cdc_<pipeline>_<source>}: the
 *     replication slot, kept across restarts so no change is missed; dropped by {@code cleanup}
 * @param publicationName {@code publication-name}, optional, default as the slot name: the
 *     publication of the captured tables, created on start
 * @param startupMode {@code startup-mode}, optional, default {@code initial}
 * @param snapshotChunkSize {@code snapshot-chunk-size}, optional, default 8096
 * @param heartbeatInterval {@code heartbeat-interval}, optional, default 30s: how often the source
 *     confirms its position even when the captured tables do not change, so an idle pipeline
 *     does not pin the server's WAL
 * @param debeziumProperties {@code debezium.*}, optional, passed to Debezium
 * @param jdbcProperties {@code jdbc.properties.*}, optional, passed to the JDBC connections
 */
public record PostgresSourceSettings(
        String name,
        SourceType type,
        String hostname,
        int port,
        String username,
        Secret password,
        String database,
        List<TablePattern> tables,
        String slotName,
        String publicationName,
        StartupMode startupMode,
        int snapshotChunkSize,
        Duration heartbeatInterval,
        Map<String, String> debeziumProperties,
        Map<String, String> jdbcProperties)
        implements SourceSettings {

    public PostgresSourceSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(database, "database");
        tables = List.copyOf(tables);
        Objects.requireNonNull(slotName, "slotName");
        Objects.requireNonNull(publicationName, "publicationName");
        Objects.requireNonNull(startupMode, "startupMode");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        debeziumProperties = PassThroughProperties.copyOf(debeziumProperties);
        jdbcProperties = PassThroughProperties.copyOf(jdbcProperties);
    }

    /** The slot name a pipeline's source gets unless one is configured: PostgreSQL allows [a-z0-9_]. */
    public static String defaultSlotName(String pipelineName, String sourceName) {
        return ("cdc_" + pipelineName + "_" + sourceName).replace('-', '_');
    }
}
