package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.awaitCondition;

import dev.cdcpipeline.job.RunningPipeline;
import dev.cdcpipeline.local.LocalMain;
import dev.cdcpipeline.local.demo.Playground;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.util.ExceptionUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the schema-change tests of both sources share: a writer that keeps changing rows, and looks
 * into the warehouse and at the job.
 */
final class SchemaChangeSupport {

    /**
     * Restarts 200 ms apart, so that each evolution costs little; and so many that a job that
     * restarted on a stop would take minutes to end FAILED, longer than the tests wait.
     */
    static final String FAST_RESTARTS = """
            restart-strategy.type: fixed-delay
            restart-strategy.fixed-delay.attempts: 1000
            restart-strategy.fixed-delay.delay: 200 ms
            """;

    private SchemaChangeSupport() {}

    /**
     * Connections to the playground's warehouse, for the queries that look into it.
     *
     * @param playground the playground once started (the tests' field is set in {@code @BeforeAll})
     */
    static Supplier<Connection> warehouseOf(Supplier<Playground> playground) {
        return () -> {
            try {
                return playground.get().warehouseConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * Keeps inserting rows and updating {@code qty} of existing ones, through the two columns that
     * every schema of the tests has ({@code id}, {@code qty}), so it runs on through the changes.
     * {@link #pause} returns once no write is in progress.
     */
    static final class RowWriter implements AutoCloseable {
        private final Supplier<Connection> connections;
        private final String table;
        private final long firstId;
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        private final Random random = new Random(42);
        private final AtomicLong nextId = new AtomicLong();
        private final AtomicLong writes = new AtomicLong();
        private Connection connection;
        private boolean paused;
        private volatile RuntimeException failure;

        private RowWriter(Supplier<Connection> connections, String table, long firstId) {
            this.connections = connections;
            this.table = table;
            this.firstId = firstId;
            nextId.set(firstId);
        }

        /** Writes to {@code table} every 20 ms, inserting ids from {@code firstId} on. */
        static RowWriter start(Supplier<Connection> connections, String table, long firstId) {
            RowWriter writer = new RowWriter(connections, table, firstId);
            writer.executor.scheduleWithFixedDelay(writer::writeOne, 0, 20, TimeUnit.MILLISECONDS);
            return writer;
        }

        private synchronized void writeOne() {
            if (paused) {
                return;
            }
            try {
                if (connection == null) {
                    connection = connections.get();
                }
                try (Statement statement = connection.createStatement()) {
                    long inserted = nextId.get() - firstId;
                    if (inserted < 5 || random.nextBoolean()) {
                        statement.execute("INSERT INTO " + table + " (id, qty) VALUES (" + nextId.getAndIncrement() + ", 1)");
                    } else {
                        long id = firstId + random.nextLong(inserted);
                        statement.execute("UPDATE " + table + " SET qty = qty + 1 WHERE id = " + id);
                    }
                }
                writes.incrementAndGet();
            } catch (SQLException | RuntimeException e) {
                failure = new IllegalStateException("The row writer failed: " + e.getMessage(), e);
                throw failure;
            }
        }

        synchronized void pause() {
            paused = true;
        }

        synchronized void resume() {
            paused = false;
        }

        /** Waits until the writer has written {@code count} more rows. */
        void awaitWrites(long count) throws InterruptedException {
            long target = writes.get() + count;
            awaitCondition(count + " more writes to " + table, () -> {
                if (failure != null) {
                    throw failure;
                }
                return writes.get() >= target;
            });
        }

        @Override
        public synchronized void close() throws SQLException {
            paused = true;
            executor.shutdownNow();
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** The first column of the first row as text (null for SQL NULL), or empty when there is no row. */
    static String queryOne(Supplier<Connection> connections, String query) {
        try (Connection connection = connections.get();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            return row.next() ? String.valueOf(row.getString(1)) : "";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The warehouse table's columns and their types as PostgreSQL prints them, in table order. */
    static Map<String, String> warehouseColumns(Supplier<Connection> warehouse, String schema, String table) {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection connection = warehouse.get();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
                        + " WHERE a.attrelid = '" + schema + "." + table + "'::regclass AND a.attnum > 0 AND NOT a.attisdropped"
                        + " ORDER BY a.attnum")) {
            while (rows.next()) {
                columns.put(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }

    /**
     * Waits for the job to end with a failure, and returns it with every cause, as text. (The local
     * mini-cluster shuts down with its job, so the job's result is all there is to ask then.)
     */
    static String awaitFailure(RunningPipeline pipeline) throws Exception {
        try {
            pipeline.job().getJobExecutionResult().get(PipelineTestSupport.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return ExceptionUtils.stringifyException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("The job did not end within " + PipelineTestSupport.PATIENCE, e);
        }
        throw new AssertionError("The job ended without a failure");
    }

    /**
     * The playground's generated passwords; its PostgreSQL's password is "postgres", which the
     * messages rightly hold as the PostgreSQL source's name.
     */
    static String[] randomPasswords(Playground playground) {
        return playground.secrets().values().stream().filter(password -> !password.equals("postgres")).toArray(String[]::new);
    }

    /** What {@code verify} printed and returned. */
    record Verified(int exitCode, String out) {}

    /** Runs {@code verify} on the pipeline file {@code yaml}, comparing once (the pipeline has caught up). */
    static Verified verify(Playground playground, Path directory, String name, String yaml) throws IOException {
        Path file = Files.writeString(directory.resolve(name + ".yaml"), yaml);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = LocalMain.execute(new String[] {"verify", file.toString(), "--max-lag", "0s"}, playground.secrets(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(OutputStream.nullOutputStream()));
        return new Verified(exitCode, out.toString(StandardCharsets.UTF_8));
    }

    static JobStatus status(RunningPipeline pipeline) {
        try {
            return pipeline.job().getJobStatus().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
