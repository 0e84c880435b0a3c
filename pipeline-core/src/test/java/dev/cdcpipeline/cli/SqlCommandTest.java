package dev.cdcpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String script, Map<String, String> environment) throws Exception {
        Path file = Files.writeString(directory.resolve("script.sql"), script);
        return SqlCommand.run(file, environment, StreamExecutionEnvironment::createLocalEnvironment,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsTheScriptAndWaitsForItsJobs() throws Exception {
        int exitCode = run("""
                CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '${ROWS}');
                CREATE TABLE sink (n BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO sink SELECT n FROM numbers;
                """, Map.of("ROWS", "5"));

        assertThat(exitCode).as("stderr: %s", err).isEqualTo(RunCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("line 3: 1 INSERT started as Flink job [0-9a-f]{32}\n")
                .endsWith("script.sql: every job finished\n");
    }

    @Test
    void aScriptErrorIsExitCode2WithTheFileTheLineAndTheStatement() throws Exception {
        int exitCode = run("CREATE TABLE numbers (n BIGINT)\n  WITH ('connector' = 'datagen', 'password' = '${SECRET}', 'rows' = '${ROWS}');",
                Map.of("SECRET", "hunter2"));

        assertThat(exitCode).isEqualTo(RunCommand.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("Error in " + directory.resolve("script.sql") + ", line 2: environment variable ROWS is not set\n"
                        + "  in: CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen ...\n");
    }

    @Test
    void aJobThatFailsIsExitCode1() throws Exception {
        // The division by zero happens in the running job, not while planning.
        int exitCode = run("""
                SET 'restart-strategy.type' = 'none';
                CREATE TABLE numbers (n INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'fields.n.min' = '0', 'fields.n.max' = '0');
                CREATE TABLE sink (n INT) WITH ('connector' = 'blackhole');
                INSERT INTO sink SELECT 1 / n FROM numbers;
                """, Map.of());

        assertThat(exitCode).isEqualTo(RunCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith(directory.resolve("script.sql") + ": the job of line 4 (1 INSERT, Flink job ")
                .contains("/ by zero");
    }
}
