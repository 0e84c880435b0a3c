package dev.cdcpipeline.local.it;

import dev.cdcpipeline.local.demo.Playground;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Real MariaDB, PostgreSQL and Kafka for the tests of one class, started once and stopped after. */
public abstract class PlaygroundTestBase {

    @TempDir
    protected static Path workDirectory;

    protected static Playground playground;

    @BeforeAll
    static void startPlayground() throws Exception {
        playground = Playground.start(workDirectory.resolve("servers"));
    }

    @AfterAll
    static void stopPlayground() throws Exception {
        playground.close();
    }
}
