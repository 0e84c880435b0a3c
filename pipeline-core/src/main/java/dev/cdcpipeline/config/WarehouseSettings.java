package dev.cdcpipeline.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code warehouse:} section, optional: the PostgreSQL database the pipeline mirrors the tables
 * into. At least one of {@code warehouse:} and {@code kafka:} must be present.
 *
 * @param url {@code url}, required: a JDBC URL starting with {@code jdbc:postgresql:}, such as
 *     {@code jdbc:postgresql://host:5432/warehouse}; no {@code password=} parameter in it (use
 *     {@code password})
 * @param username {@code username}, required
 * @param password {@code password}, required; may be empty only if written as {@code ""}
 * @param schema {@code schema}, optional, default {@code public}: the schema the tables are written to
 * @param tableName {@code table-name}, optional, default <code>{database}_{table}</code>: the name of
 *     each target table, built from the placeholders <code>{pipeline}</code>, <code>{database}</code>
 *     and <code>{table}</code>; it must contain <code>{table}</code>
 * @param deleteMode {@code delete-mode}, optional, default {@code soft}: {@code soft} or {@code hard}
 *     (see {@link DeleteMode})
 * @param batchSize {@code batch-size}, optional, default 500: rows per JDBC batch, an integer {@code >= 1}
 * @param flushInterval {@code flush-interval}, optional, default {@code 1s}: the longest a row waits
 *     in an unfilled batch, a duration {@code > 0}
 * @param maxRetries {@code max-retries}, optional, default 3: retries of a failed batch before the job
 *     fails, an integer {@code >= 0}
 */
public record WarehouseSettings(
        String url,
        String username,
        Secret password,
        String schema,
        String tableName,
        DeleteMode deleteMode,
        int batchSize,
        Duration flushInterval,
        int maxRetries)
        implements Serializable {

    public WarehouseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(deleteMode, "deleteMode");
        Objects.requireNonNull(flushInterval, "flushInterval");
    }
}
