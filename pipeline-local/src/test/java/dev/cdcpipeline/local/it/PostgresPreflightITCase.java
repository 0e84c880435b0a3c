package dev.cdcpipeline.local.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.local.demo.Playground;
import dev.cdcpipeline.source.SourceConnectors;
import dev.cdcpipeline.source.SourceUnavailableException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A PostgreSQL source that cannot be captured fails before the job starts with one message that
 * says what to change, instead of a job that restarts in a loop.
 */
class PostgresPreflightITCase extends PlaygroundTestBase {

    @BeforeAll
    static void createTableAndWeakUser() throws Exception {
        try (Connection connection = playground.postgresSourceConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.accounts (id INT PRIMARY KEY, owner TEXT)");
            statement.execute("CREATE ROLE weak_cdc LOGIN REPLICATION PASSWORD 'weak-Pa55'");
            statement.execute("GRANT SELECT ON public.accounts TO weak_cdc");
        }
    }

    @Test
    void aServerWithoutLogicalWalIsRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedPostgres replicaOnly = EmbeddedPostgres.builder()
                .setDataDirectory(workDirectory.resolve("replica-only"))
                .setCleanDataDirectory(true)
                .setPort(port)
                .setServerConfig("wal_level", "replica")
                .start()) {
            SourceSettings source = postgresSource(port, "postgres", "postgres", "postgres");

            assertThatThrownBy(() -> SourceConnectors.prepare(source))
                    .isInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("wal_level is replica, CDC needs logical");
        }
    }

    @Test
    void aUserWhoCannotPrepareTheTablesIsToldWhatItNeeds() throws Exception {
        SourceSettings source = postgresSource(portOfPlaygroundPostgres(), Playground.POSTGRES_SOURCE_DATABASE, "weak_cdc", "weak-Pa55");

        assertThatThrownBy(() -> SourceConnectors.prepare(source))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("as user 'weak_cdc'")
                .hasMessageContaining("own the captured tables")
                .hasMessageNotContaining("weak-Pa55");
    }

    private static SourceSettings postgresSource(int port, String database, String user, String password) {
        return PipelineDefinitionParser.parse("""
                pipeline:
                  name: preflight
                source:
                  type: postgres
                  hostname: 127.0.0.1
                  port: %d
                  database: %s
                  username: %s
                  password: ${PASSWORD}
                  tables: public.accounts
                kafka:
                  bootstrap-servers: 127.0.0.1:9
                """.formatted(port, database, user), Map.of("PASSWORD", password)).sources().get(0);
    }

    private static int portOfPlaygroundPostgres() throws Exception {
        try (Connection connection = playground.postgresSourceConnection()) {
            return Integer.parseInt(connection.getMetaData().getURL().replaceAll(".*:(\\d+)/.*", "$1"));
        }
    }
}
