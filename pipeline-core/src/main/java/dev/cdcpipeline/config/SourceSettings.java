package dev.cdcpipeline.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One source of a pipeline: a MySQL/MariaDB or a PostgreSQL database. Its {@link #name()} is part of
 * the names of its warehouse tables and topics ({@code {source}}), so that tables of two sources
 * never collide.
 */
public sealed interface SourceSettings extends Serializable permits MySqlSourceSettings, PostgresSourceSettings {

    String name();

    SourceType type();

    String hostname();

    int port();

    String username();

    Secret password();

    List<TablePattern> tables();

    StartupMode startupMode();

    int snapshotChunkSize();

    Map<String, String> debeziumProperties();

    Map<String, String> jdbcProperties();

    /** Where, for messages: never with credentials. */
    default String describe() {
        return type().name().toLowerCase() + " source '" + name() + "' at " + hostname() + ":" + port();
    }
}
