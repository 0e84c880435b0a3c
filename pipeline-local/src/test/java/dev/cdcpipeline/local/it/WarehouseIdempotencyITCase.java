package dev.cdcpipeline.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.DeleteMode;
import dev.cdcpipeline.config.Secret;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.deadletter.DeadLetterWarehouseSink;
import dev.cdcpipeline.local.infra.EmbeddedPostgresServer;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.warehouse.ChangeEventUpsert;
import dev.cdcpipeline.sink.warehouse.WarehouseSchemaSetup;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warehouse statement against a real PostgreSQL: after a sequence of changes, replaying any
 * suffix of it leaves the table identical, metadata columns included.
 */
class WarehouseIdempotencyITCase {

    private static final TableId ORDERS = new TableId("mysql", "shop", "orders");
    private static final SourceTable SOURCE_TABLE = new SourceTable(ORDERS, List.of(
            new SourceColumn("id", "bigint", false, 0, 0, 0, 0, false, false),
            new SourceColumn("amount", "decimal", false, 0, 10, 2, 0, true, false),
            new SourceColumn("note", "varchar", false, 50, 0, 0, 0, true, false)), List.of("id"));

    @TempDir
    static Path workDirectory;

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(workDirectory);
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @ParameterizedTest
    @EnumSource(DeleteMode.class)
    void replayingAnySuffixOfTheChangesLeavesTheTableIdentical(DeleteMode deleteMode) throws Exception {
        WarehouseSettings settings = new WarehouseSettings(postgres.jdbcUrl("postgres"), postgres.user(),
                Secret.of(postgres.password()), "idempotency_" + deleteMode.name().toLowerCase(), "{table}", deleteMode,
                100, Duration.ofSeconds(1), 0);
        WarehouseTable table = WarehouseTable.mirroring(SOURCE_TABLE, settings.schema(), "orders", deleteMode);
        WarehouseSchemaSetup.createMissingTables(settings, List.of(table));
        List<ChangeEvent> changes = List.of(
                change(Operation.SNAPSHOT_READ, 1, null, row(1, "10.00", "first"), 1),
                change(Operation.INSERT, 2, null, row(2, "5.50", null), 2),
                change(Operation.UPDATE, 1, row(1, "10.00", "first"), row(1, "15.00", "first"), 3),
                change(Operation.DELETE, 2, row(2, "5.50", null), null, 4),
                change(Operation.INSERT, 3, null, row(3, "1.00", "Zoë"), 5),
                change(Operation.DELETE, 1, row(1, "15.00", "first"), null, 6),
                change(Operation.INSERT, 1, null, row(1, "99.99", "again"), 7),
                change(Operation.UPDATE, 3, row(3, "1.00", "Zoë"), row(3, "2.00", "Zoë"), 8));

        apply(settings, table, changes);
        List<String> afterAll = dump(settings, table);

        assertThat(afterAll).hasSize(deleteMode == DeleteMode.HARD ? 2 : 3);
        for (int start = 0; start < changes.size(); start++) {
            apply(settings, table, changes.subList(start, changes.size()));
            assertThat(dump(settings, table)).as("after replaying the changes from #%d", start).isEqualTo(afterAll);
        }
    }

    /**
     * Schema, table and column names come from configuration and from source schemas: every one is
     * quoted as an identifier, so a hostile name is a strange name, never SQL.
     */
    @Test
    void hostileNamesAreIdentifiersNeverSql() throws Exception {
        String injection = "\"; DROP TABLE public.victim; --";
        WarehouseSettings settings = new WarehouseSettings(postgres.jdbcUrl("postgres"), postgres.user(),
                Secret.of(postgres.password()), "schema" + injection, "{table}", DeleteMode.SOFT, 100, Duration.ofSeconds(1), 0);
        SourceTable hostile = new SourceTable(ORDERS, List.of(
                new SourceColumn("id", "bigint", false, 0, 0, 0, 0, false, false),
                new SourceColumn("note" + injection, "varchar", false, 50, 0, 0, 0, true, false)), List.of("id"));
        WarehouseTable table = WarehouseTable.mirroring(hostile, settings.schema(), "orders" + injection, DeleteMode.SOFT);
        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.victim (id int)");
        }

        WarehouseSchemaSetup.createMissingTables(settings, List.of(table));
        DeadLetterWarehouseSink.createTable(settings);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1L);
        row.put("note" + injection, "O'Brien \"; DROP TABLE public.victim; --");
        apply(settings, table, List.of(change(Operation.INSERT, 1, null, row, 1)));

        try (Connection connection = connect(settings); Statement statement = connection.createStatement()) {
            try (ResultSet victim = statement.executeQuery("SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_name = 'victim'")) {
                victim.next();
                assertThat(victim.getInt(1)).isEqualTo(1);
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
                query.setString(1, settings.schema());
                query.setString(2, table.name());
                List<String> columns = new ArrayList<>();
                try (ResultSet names = query.executeQuery()) {
                    while (names.next()) {
                        columns.add(names.getString(1));
                    }
                }
                assertThat(columns).startsWith("id", "note" + injection);
            }
            try (ResultSet copied = statement.executeQuery("SELECT " + "\"note\"\"; DROP TABLE public.victim; --\"" + " FROM "
                    + table.qualifiedName())) {
                assertThat(copied.next()).isTrue();
                assertThat(copied.getString(1)).isEqualTo("O'Brien \"; DROP TABLE public.victim; --");
            }
        }
    }

    private static Connection connect(WarehouseSettings settings) throws Exception {
        return DriverManager.getConnection(settings.url(), settings.username(), settings.password().value());
    }

    private static ChangeEvent change(Operation operation, long id, Map<String, Object> before, Map<String, Object> after, long offset) {
        return new ChangeEvent(ORDERS, operation, Map.of("id", id), before, after,
                new SourcePosition(1, offset * 100, 0), operation == Operation.SNAPSHOT_READ ? 0 : 1_732_500_000_000L + offset);
    }

    private static Map<String, Object> row(long id, String amount, String note) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("amount", new BigDecimal(amount));
        row.put("note", note);
        return row;
    }

    private static void apply(WarehouseSettings settings, WarehouseTable table, List<ChangeEvent> changes) throws Exception {
        ChangeEventUpsert upsert = new ChangeEventUpsert(table);
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.username(), settings.password().value());
                PreparedStatement statement = connection.prepareStatement(upsert.query())) {
            for (ChangeEvent change : changes) {
                upsert.statement(statement, change);
                statement.executeUpdate();
            }
        }
    }

    /** Every row and column, metadata included, as text. */
    private static List<String> dump(WarehouseSettings settings, WarehouseTable table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.username(), settings.password().value());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table.qualifiedName() + " ORDER BY id")) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    row.append(columns.getColumnName(i)).append('=').append(result.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
