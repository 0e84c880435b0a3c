package dev.cdcpipeline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Scripts run in a local mini-cluster, on bounded inputs, so that every job ends by itself. */
class SqlScriptRunnerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private RunningScript start(String script, Map<String, String> environment) throws SqlScriptException {
        return SqlScriptRunner.start(SqlScript.parse(script, environment), StreamExecutionEnvironment::createLocalEnvironment,
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theProjectsFunctionsAreRegisteredUnderTheirSqlNames() throws Exception {
        start("""
                SET 'parallelism.default' = '1';
                SELECT mask_email(email), redact(email), redact(amount, '-'), salted_hash(email, '${PII_SALT}'),
                       normalize_timestamp(ordered_at), normalize_timestamp(paid_at), normalize_timestamp('2024-03-31 02:30:00+02:00'),
                       exact_decimal_text(amount), exact_decimal_text(CAST(7 AS BIGINT))
                FROM (VALUES ('jane.doe@example.com', CAST(19.9900 AS DECIMAL(14, 4)),
                              TIMESTAMP '2024-03-31 02:30:00.250', TO_TIMESTAMP_LTZ(1711848600250, 3)))
                  AS orders (email, amount, ordered_at, paid_at);
                """, Map.of("PII_SALT", "pepper"));

        assertThat(output()).isEqualTo("+I[j*******@example.com, ***, -,"
                + " fb30037b6d90f8ea5ceb6a12b0656ecd677316057b83fd0c0290883849c71a03,"
                + " 2024-03-31T02:30:00.250Z, 2024-03-31T01:30:00.250Z, 2024-03-31T00:30:00Z, 19.9900, 7]\n");
    }

    @Test
    void exactDecimalTextRefusesADoubleWhenTheStatementIsChecked() {
        assertThatThrownBy(() -> start("SELECT 1;\nSELECT exact_decimal_text(CAST(0.1 AS DOUBLE));", Map.of()))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageStartingWith("line 2: ")
                .hasMessageContaining("exact_decimal_text")
                .hasMessageEndingWith("\n  in: SELECT exact_decimal_text(CAST(0.1 AS DOUBLE))");
    }

    @Test
    void consecutiveInsertsRunAsOneJob() throws Exception {
        RunningScript running = start("""
                CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
                CREATE TABLE sink_a (n BIGINT) WITH ('connector' = 'blackhole');
                CREATE TABLE sink_b (n BIGINT) WITH ('connector' = 'blackhole');
                INSERT INTO sink_a SELECT n FROM numbers;
                INSERT INTO sink_b SELECT n * 2 FROM numbers;
                """, Map.of());

        assertThat(running.jobs()).singleElement().satisfies(job -> {
            assertThat(job.line()).isEqualTo(4);
            assertThat(job.description()).isEqualTo("2 INSERTs");
        });
        assertThat(output()).startsWith("line 4: 2 INSERTs started as Flink job ");
        running.awaitAll();
    }

    @Test
    void aStatementSetThatCannotBePlannedIsReportedAtTheInsertAtFault() {
        String script = """
                CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
                CREATE TABLE good (n BIGINT) WITH ('connector' = 'blackhole');
                CREATE TABLE misspelt (n BIGINT) WITH ('connector' = 'blackhole', 'sink.parallelizm' = '2');
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO good SELECT n FROM numbers;
                  INSERT INTO misspelt SELECT n FROM numbers;
                END;
                """;
        assertThatThrownBy(() -> start(script, Map.of()))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageStartingWith("line 6: ")
                .hasMessageContaining("sink.parallelizm")
                .hasMessageEndingWith("\n  in: INSERT INTO misspelt SELECT n FROM numbers");
    }

    @Test
    void aStatementFlinkCannotParseNamesItsLine() {
        assertThatThrownBy(() -> start("CREATE TABLE a (n BIGINT) WITH ('connector' = 'blackhole');\n\nCREATE TABLO b (n BIGINT);", Map.of()))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageStartingWith("line 3: ")
                .hasMessageContaining("Encountered \"TABLO\" at line 3, column 8")
                .hasMessageNotContaining("Was expecting")
                .hasMessageEndingWith("\n  in: CREATE TABLO b (n BIGINT)");
    }

    @Test
    void anErrorQuotesTheStatementAsWrittenNotWithTheValuesOfItsVariables() {
        assertThatThrownBy(() -> start("SELECT '${SECRET}' FROM nowhere", Map.of("SECRET", "hunter2")))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageContaining("Object 'nowhere' not found")
                .hasMessageEndingWith("\n  in: SELECT '${SECRET}' FROM nowhere")
                .hasMessageNotContaining("hunter2");
    }
}
