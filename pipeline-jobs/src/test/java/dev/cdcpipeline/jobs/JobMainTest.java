package dev.cdcpipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.cli.RunCommand;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class JobMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(String... args) {
        return JobMain.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsTheCommands() {
        assertThat(execute("--help")).isEqualTo(RunCommand.OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run <pipeline.yaml>").contains("sql <script.sql>").contains("--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("verify <pipeline.yaml> [--chunks 1024] [--max-lag 30s]");
    }

    @Test
    void verifyRefusesABadPipelineFileAsABadConfiguration(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("incomplete.yaml"), "pipeline:\n  name: shop\n");

        assertThat(execute("verify", file.toString(), "--max-lag", "0s")).isEqualTo(RunCommand.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("source");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(execute("launch")).isEqualTo(RunCommand.BAD_CONFIGURATION);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command").contains("run <pipeline.yaml>");
    }

    @Test
    void mainReturnsInsteadOfExitingTheJvmItRunsIn() {
        // Were it to call System.exit, this test JVM would end here (as a JobManager running the jar would).
        JobMain.main(new String[] {"--help"});
    }

    @Test
    void mainThrowsWhatTheFailedCommandPrinted(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("incomplete.yaml"), "pipeline:\n  name: shop\n");

        assertThatThrownBy(() -> JobMain.main(new String[] {"run", file.toString()}))
                .isInstanceOf(JobMain.CommandFailedException.class)
                .hasMessageContaining("source");
    }

    @Test
    void aBadPipelineFileFailsBeforeAnythingStartsAndNamesTheKey(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("bad.yaml");
        Files.writeString(file, "pipeline:\n  name: shop\nsource:\n  type: mysql\n  hostname: localhost\n  port: banana\n"
                + "  username: cdc\n  password: hunter2-secret\n  tables: shop.orders\nkafka:\n  bootstrap-servers: localhost:9092\n");

        assertThat(execute("run", file.toString())).isEqualTo(RunCommand.BAD_CONFIGURATION);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("source.port").doesNotContain("hunter2-secret");
    }

    @Test
    void aSqlScriptThatFlinkRejectsFailsBeforeAnyJobStartsAndNamesTheLine(@TempDir Path directory) throws Exception {
        Path script = Files.writeString(directory.resolve("mirror.sql"),
                "CREATE TABLE orders (id BIGINT) WITH ('connector' = 'blackhole');\n\nINSERT INTO orders SELECT nope;\n");

        assertThat(execute("sql", script.toString())).isEqualTo(RunCommand.BAD_CONFIGURATION);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error in " + script + ", line 3: ")
                .contains("Column 'nope' not found");
    }
}
