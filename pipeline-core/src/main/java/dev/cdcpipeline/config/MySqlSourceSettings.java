package dev.cdcpipeline.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A MySQL or MariaDB source ({@code source:} or an entry of {@code sources:}): the database whose
 * binlog the pipeline reads, with Flink CDC's key names.
 *
 * @param name {@code name}, optional, default {@code mysql}: [a-z][a-z0-9_]{0,30}, unique among the
 *     pipeline's sources; the {@code {source}} of warehouse table and topic names
 * @param type {@code type}, required: {@code mysql} or {@code mariadb} (the same connector reads both)
 * @param hostname {@code hostname}, required
 * @param port {@code port}, optional, default 3306: 1 to 65535
 * @param username {@code username}, required: a user with {@code SELECT, RELOAD, SHOW DATABASES,
 *     REPLICATION SLAVE, REPLICATION CLIENT}
 * @param password {@code password}, required; may be empty only if written as {@code ""}. Use an
 *     environment variable ({@code password: ${MYSQL_PASSWORD}}) to keep it out of the file.
 * @param tables {@code tables}, required: at least one {@code database.table} pattern (see
 *     {@link TablePattern}), as a comma-separated string ({@code shop.customers, shop.orders}) or a
 *     YAML list. Use the list form for a regular expression that contains a comma.
 * @param serverId {@code server-id}, optional, default {@code 5400-5431}: a single id or an inclusive
 *     range {@code a-b}, {@code 1 <= a <= b <= 4294967295}, unique among the database's replicas, with
 *     at least {@code pipeline.parallelism} ids (one per source reader)
 * @param serverTimeZone {@code server-time-zone}, optional, default {@code UTC}: the database's
 *     session time zone, a {@link ZoneId} such as {@code Europe/Berlin}, used to read its
 *     {@code TIMESTAMP} values
 * @param startupMode {@code startup-mode}, optional, default {@code initial}: {@code initial},
 *     {@code latest} or {@code snapshot-only} (see {@link StartupMode})
 * @param snapshotChunkSize {@code snapshot-chunk-size}, optional, default 8096: rows per snapshot
 *     chunk, an integer {@code >= 1}
 * @param debeziumProperties {@code debezium.*}, optional: properties for the embedded Debezium
 *     engine, the prefix removed ({@code debezium.poll.interval.ms: 10} gives
 *     {@code poll.interval.ms=10}); passed on unchecked
 * @param jdbcProperties {@code jdbc.properties.*}, optional: JDBC connection properties, the prefix
 *     removed ({@code jdbc.properties.useSSL: true} gives {@code useSSL=true}); passed on unchecked
 */
public record MySqlSourceSettings(
        String name,
        SourceType type,
        String hostname,
        int port,
        String username,
        Secret password,
        List<TablePattern> tables,
        ServerIdRange serverId,
        ZoneId serverTimeZone,
        StartupMode startupMode,
        int snapshotChunkSize,
        Map<String, String> debeziumProperties,
        Map<String, String> jdbcProperties)
        implements SourceSettings {

    public MySqlSourceSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        tables = List.copyOf(tables);
        Objects.requireNonNull(serverId, "serverId");
        Objects.requireNonNull(serverTimeZone, "serverTimeZone");
        Objects.requireNonNull(startupMode, "startupMode");
        debeziumProperties = PassThroughProperties.copyOf(debeziumProperties);
        jdbcProperties = PassThroughProperties.copyOf(jdbcProperties);
    }
}
