package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.local.infra.EmbeddedPostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's snapshot row count against a real PostgreSQL table that fills as a snapshot fills it. */
class SnapshotRowCountITCase {

    private static final String TABLE = "public.orders";

    @TempDir
    static Path workDir;

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(workDir);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + TABLE + " (id bigint PRIMARY KEY, note text)");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void countsWhatCountStarCountsWhileTheTableFillsAndSkipsCompleteBlocks() throws Exception {
        // The source: ids 1..25,000 without 10,000..10,099 (a gap): blocks 0, 1 and 2 hold 9,999, 9,900 and 5,001 rows.
        NavigableMap<Long, Long> sourceBlocks = new TreeMap<>();
        sourceBlocks.put(0L, 9_999L);
        sourceBlocks.put(1L, 9_900L);
        sourceBlocks.put(2L, 5_001L);
        try (Connection writer = connect();
                SnapshotRowCount count = new SnapshotRowCount(connect(), TABLE, sourceBlocks)) {
            assertThat(count.count()).isZero();

            // Chunks arrive out of order: part of block 2 before block 1.
            insert(writer, 1, 9_999);
            insert(writer, 20_000, 22_000);
            assertThat(count.count()).isEqualTo(countStar(writer)).isEqualTo(9_999 + 2_001);

            insert(writer, 10_100, 19_999);
            insert(writer, 22_001, 25_000);
            assertThat(count.count()).isEqualTo(countStar(writer)).isEqualTo(SnapshotRowCount.total(sourceBlocks));

            // A complete block is not counted again: a row gone from it (a snapshot never removes one) goes unseen.
            try (Statement statement = writer.createStatement()) {
                statement.execute("DELETE FROM " + TABLE + " WHERE id = 5");
            }
            assertThat(countStar(writer)).isEqualTo(SnapshotRowCount.total(sourceBlocks) - 1);
            assertThat(count.count()).isEqualTo(SnapshotRowCount.total(sourceBlocks));
        }
    }

    private static void insert(Connection writer, long firstId, long lastId) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("INSERT INTO " + TABLE + " SELECT id, 'row ' || id FROM generate_series(" + firstId + ", "
                    + lastId + ") AS id");
        }
    }

    private static long countStar(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
    }
}
