package dev.cdcpipeline.local.it;

import static dev.cdcpipeline.local.it.PipelineTestSupport.executeOnSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.cli.RunCommand;
import dev.cdcpipeline.local.LocalEnvironments;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A pipeline that cannot work fails before its job starts, through the same {@code run} command a
 * user types, with exit code 2 and one message that says what to change and shows no password.
 */
class PreflightChecksITCase extends PlaygroundTestBase {

    private static final String WRONG_PASSWORD = "wrong-Pa55word-xyz";

    @BeforeAll
    static void createSourceTables() throws Exception {
        executeOnSource(playground,
                "CREATE DATABASE shop",
                "CREATE TABLE shop.orders (id INT PRIMARY KEY, amount DECIMAL(10,2))",
                "CREATE TABLE shop.audit_log (happened_at DATETIME, message TEXT)");
    }

    @Test
    void aTablePatternThatMatchesNothingIsNamed() throws Exception {
        String err = runExpectingBadConfiguration("tables: shop.\\.*", "tables: shop.orders, shop.invoices");

        assertThat(err).contains("tables of the mariadb source 'mysql'").contains("shop.invoices");
    }

    @Test
    void aTableWithoutPrimaryKeyIsRefused() throws Exception {
        String err = runExpectingBadConfiguration("tables: shop.\\.*", "tables: shop.audit_log");

        assertThat(err).contains("shop.audit_log has no primary key");
    }

    @Test
    void aWrongPasswordSaysWhoCouldNotConnectButNotThePassword() throws Exception {
        String err = runExpectingBadConfiguration("password: ${PLAYGROUND_SOURCE_PASSWORD}", "password: " + WRONG_PASSWORD);

        assertThat(err).contains("Cannot connect").contains("user 'cdc'").doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void aStatementBinlogIsRefusedWithTheSettingToChange() throws Exception {
        executeOnSource(playground, "SET GLOBAL binlog_format = 'STATEMENT'");
        try {
            String err = runExpectingBadConfiguration("tables: shop.\\.*", "tables: shop.orders");

            assertThat(err).contains("binlog_format is STATEMENT, CDC needs ROW");
        } finally {
            executeOnSource(playground, "SET GLOBAL binlog_format = 'ROW'");
        }
    }

    private String runExpectingBadConfiguration(String line, String replacement) throws Exception {
        String yaml = playground.pipelineYaml("preflight", 1, Duration.ofSeconds(1), workDirectory.resolve("checkpoints"), "");
        assertThat(yaml).contains(line);
        Path file = Files.writeString(workDirectory.resolve("pipeline.yaml"), yaml.replace(line, replacement));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        int exitCode = RunCommand.run(file, playground.secrets(), LocalEnvironments::create, errStream, errStream);

        assertThat(exitCode).isEqualTo(RunCommand.BAD_CONFIGURATION);
        return err.toString(StandardCharsets.UTF_8);
    }
}
