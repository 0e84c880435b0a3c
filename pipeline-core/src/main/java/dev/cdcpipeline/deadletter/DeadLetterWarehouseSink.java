package dev.cdcpipeline.deadletter;

import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.functions.Hashing;
import dev.cdcpipeline.sink.warehouse.SqlIdentifiers;
import dev.cdcpipeline.sink.warehouse.WarehouseJdbcSinks;
import dev.cdcpipeline.sink.warehouse.WarehouseSchemaSetup;

import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;
import org.apache.flink.streaming.api.datastream.DataStream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores dead letters in the warehouse table {@code cdc_dead_letters}, for pipelines without a
 * Kafka sink. Each row's id is a hash of the stage and the event, so a dead letter produced
 * again after a restart is stored once.
 */
public final class DeadLetterWarehouseSink implements DeadLetterSink {

    public static final String UID = "warehouse-dead-letters";
    public static final String TABLE = "cdc_dead_letters";
    /** Not a secret: the id only needs to be the same for the same dead letter. */
    private static final String ID_SALT = "cdc-dead-letter";

    private final WarehouseSettings settings;

    public DeadLetterWarehouseSink(WarehouseSettings settings) {
        this.settings = settings;
    }

    /** Creates the table if it is missing; before the job starts. */
    public static void createTable(WarehouseSettings warehouse) {
        try (Connection connection = WarehouseSchemaSetup.open(warehouse);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(warehouse.schema()));
            statement.execute("CREATE TABLE IF NOT EXISTS " + qualifiedName(warehouse) + " (\n"
                    + "  id char(64) PRIMARY KEY,\n"
                    + "  stage text NOT NULL,\n"
                    + "  reason text NOT NULL,\n"
                    + "  table_name text NOT NULL,\n"
                    + "  event jsonb NOT NULL,\n"
                    + "  failed_at timestamptz NOT NULL,\n"
                    + "  written_at timestamptz NOT NULL DEFAULT now()\n)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the dead-letter table in "
                    + WarehouseSchemaSetup.describe(warehouse.url()) + ": " + e.getMessage(), e);
        }
    }

    static String qualifiedName(WarehouseSettings warehouse) {
        return SqlIdentifiers.quote(warehouse.schema()) + "." + SqlIdentifiers.quote(TABLE);
    }

    @Override
    public void attachTo(DataStream<DeadLetter> deadLetters) {
        deadLetters.sinkTo(WarehouseJdbcSinks.atLeastOnce(settings, new DeadLetterInsert(qualifiedName(settings))))
                .uid(UID).name("Warehouse dead-letter table");
    }

    private record DeadLetterInsert(String table) implements JdbcQueryStatement<DeadLetter> {
        @Override
        public String query() {
            return "INSERT INTO " + table + " (id, stage, reason, table_name, event, failed_at)"
                    + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (id) DO NOTHING";
        }

        @Override
        public void statement(PreparedStatement statement, DeadLetter deadLetter) throws SQLException {
            statement.setString(1, Hashing.saltedHash(deadLetter.stage() + "\n" + deadLetter.event(), ID_SALT));
            statement.setString(2, deadLetter.stage());
            statement.setString(3, deadLetter.reason());
            statement.setString(4, deadLetter.table());
            statement.setString(5, JsonbText.of(deadLetter.event()));
            statement.setObject(6, OffsetDateTime.ofInstant(Instant.ofEpochMilli(deadLetter.failedAtMillis()), ZoneOffset.UTC));
        }
    }
}
