package dev.cdcpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases that end before any database is asked; the comparisons themselves: VerifyCommandITCase. */
class VerifyCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return VerifyCommand.run(args, Map.of("MYSQL_PASSWORD", "s3cret-value"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badArgumentsAreABadConfiguration() {
        assertThat(run("p.yaml", "--chunks", "zero")).isEqualTo(RunCommand.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--chunks expects an integer");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aPipelineWithoutWarehouseHasNothingToVerify() throws Exception {
        Path file = Files.writeString(directory.resolve("p.yaml"), """
                pipeline:
                  name: kafka-only
                source:
                  type: mariadb
                  hostname: localhost
                  username: cdc
                  password: ${MYSQL_PASSWORD}
                  tables: shop.orders
                kafka:
                  bootstrap-servers: localhost:9092
                """);

        assertThat(run(file.toString())).isEqualTo(RunCommand.BAD_CONFIGURATION);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot verify pipeline 'kafka-only'", "no warehouse")
                .doesNotContain("s3cret-value");
    }
}
