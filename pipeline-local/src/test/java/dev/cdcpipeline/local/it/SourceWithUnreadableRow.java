package dev.cdcpipeline.local.it;

import dev.cdcpipeline.local.infra.Credentials;
import dev.cdcpipeline.local.infra.EmbeddedMariaDb;

import java.nio.file.Path;

/**
 * A MariaDB source whose table {@code <database>.items} starts with a row the pipeline can read
 * (id 1) and one it cannot (id 2: a TIME of 100 hours, a duration the change model has no kind
 * for), so a snapshot of it yields a change and a dead letter of stage {@code source}.
 */
final class SourceWithUnreadableRow {

    private SourceWithUnreadableRow() {}

    static EmbeddedMariaDb start(Path directory, Credentials admin, Credentials cdc, String database) throws Exception {
        EmbeddedMariaDb mariaDb = EmbeddedMariaDb.start(directory, admin, cdc);
        mariaDb.executeScript("CREATE DATABASE " + database + ";"
                + " CREATE TABLE " + database + ".items (id INT PRIMARY KEY, span TIME NULL, note LONGTEXT NULL);"
                + " INSERT INTO " + database + ".items VALUES (1, '01:00:00', 'one'), (2, '100:00:00', 'two');");
        return mariaDb;
    }

    /**
     * The definition's {@code pipeline:} and {@code source:} sections: the source reads
     * {@code <database>.items} as {@code cdc}, its password from the environment variable (the
     * file holds no secret, as in production).
     */
    static String pipelineAndSource(String pipeline, EmbeddedMariaDb mariaDb, Credentials cdc, String passwordVariable,
            String database, String serverIds) {
        return """
                pipeline:
                  name: %s
                  parallelism: 2
                source:
                  type: mariadb
                  hostname: %s
                  port: %d
                  username: %s
                  password: ${%s}
                  tables: %s.items
                  server-id: %s
                """.formatted(pipeline, mariaDb.host(), mariaDb.port(), cdc.user(), passwordVariable, database, serverIds);
    }

    /** The definition's {@code flink:} section: the tests' checkpoint interval, checkpoints into {@code directory}. */
    static String flinkSection(Path directory) {
        return """
                flink:
                  execution.checkpointing.interval: %d ms
                  execution.checkpointing.dir: %s
                """.formatted(PipelineTestSupport.CHECKPOINT_INTERVAL.toMillis(), directory.toUri());
    }
}
