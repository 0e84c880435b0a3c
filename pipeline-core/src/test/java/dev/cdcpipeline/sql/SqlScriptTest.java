package dev.cdcpipeline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.sql.SqlScript.InsertJob;
import dev.cdcpipeline.sql.SqlScript.SetOption;
import dev.cdcpipeline.sql.SqlScript.SingleStatement;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static final Map<String, String> ENVIRONMENT =
            Map.of("MYSQL_PASSWORD", "it's;a`secret", "MYSQL_HOST", "db.example.com");

    private static SqlScript parse(String script) throws SqlScriptException {
        return SqlScript.parse(script, ENVIRONMENT);
    }

    @Test
    void consecutiveInsertsFormOneJobAndAnyOtherStatementEndsTheRun() throws Exception {
        SqlScript script = parse("""
                CREATE TABLE a (x INT);
                INSERT INTO a SELECT 1;
                INSERT INTO b SELECT 2;
                CREATE VIEW v AS SELECT 1;
                INSERT INTO c SELECT 3;
                """);

        assertThat(script.steps()).containsExactly(
                new SingleStatement(new SqlStatement("CREATE TABLE a (x INT)", 1)),
                new InsertJob(2, List.of(new SqlStatement("INSERT INTO a SELECT 1", 2), new SqlStatement("INSERT INTO b SELECT 2", 3))),
                new SingleStatement(new SqlStatement("CREATE VIEW v AS SELECT 1", 4)),
                new InsertJob(5, List.of(new SqlStatement("INSERT INTO c SELECT 3", 5))));
    }

    @Test
    void aStatementSetBlockIsOneJobOfItsOwn() throws Exception {
        SqlScript script = parse("""
                INSERT INTO a SELECT 1;
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO b SELECT 2;
                  INSERT INTO c SELECT 3;
                END;
                """);

        assertThat(script.steps()).containsExactly(
                new InsertJob(1, List.of(new SqlStatement("INSERT INTO a SELECT 1", 1))),
                new InsertJob(2, List.of(new SqlStatement("INSERT INTO b SELECT 2", 3), new SqlStatement("INSERT INTO c SELECT 3", 4))));
    }

    @Test
    void readsSetStatementsQuotedOrNot() throws Exception {
        SqlScript script = parse("""
                SET 'execution.checkpointing.interval' = '10 s';
                SET parallelism.default=2;
                SET 'pipeline.name' = 'it''s mine';
                CREATE TABLE a (x INT);
                SET 'table.exec.sink.not-null-enforcer' = 'DROP';
                """);

        assertThat(script.steps()).filteredOn(SetOption.class::isInstance).map(SetOption.class::cast)
                .extracting(set -> set.key() + "=" + set.value())
                .containsExactly("execution.checkpointing.interval=10 s", "parallelism.default=2", "pipeline.name=it's mine",
                        "table.exec.sink.not-null-enforcer=DROP");
        assertThat(script.leadingOptions().toMap()).containsOnlyKeys(
                "execution.checkpointing.interval", "parallelism.default", "pipeline.name");
    }

    @Test
    void aSetWithoutKeyAndValueIsAnError() {
        assertThatThrownBy(() -> parse("CREATE TABLE a (x INT);\nSET 'pipeline.name'"))
                .isInstanceOf(SqlScriptException.class)
                .hasMessage("line 2: expected SET 'key' = 'value'\n  in: SET 'pipeline.name'");
    }

    @Test
    void substitutesVariablesEscapingTheirQuotesInsideLiteralsAndIdentifiers() throws Exception {
        SqlScript script = parse("CREATE TABLE `t_${MYSQL_PASSWORD}` (x INT) WITH ('hostname' = '${MYSQL_HOST}',"
                + " 'password' = '${MYSQL_PASSWORD}', 'port' = '${MYSQL_PORT:-3306}', 'literal' = '$${NOT_A_VARIABLE}')");

        assertThat(((SingleStatement) script.steps().get(0)).statement().text()).isEqualTo(
                "CREATE TABLE `t_it's;a``secret` (x INT) WITH ('hostname' = 'db.example.com',"
                        + " 'password' = 'it''s;a`secret', 'port' = '3306', 'literal' = '${NOT_A_VARIABLE}')");
    }

    @Test
    void leavesReferencesInCommentsAlone() throws Exception {
        SqlScript script = parse("SELECT 1 -- needs ${UNSET_VARIABLE} one day\n/* ${ALSO_UNSET} */");

        assertThat(((SingleStatement) script.steps().get(0)).statement().text())
                .isEqualTo("SELECT 1 -- needs ${UNSET_VARIABLE} one day\n/* ${ALSO_UNSET} */");
    }

    @Test
    void anUnsetVariableIsAnErrorNamingItAndItsLineButNoValue() {
        String script = """
                CREATE TABLE orders (
                  id BIGINT
                ) WITH (
                  'hostname' = '${MYSQL_HOST}',
                  'password' = '${MYSQL_PASSWORD}',
                  'username' = '${MYSQL_USER}'
                );
                """;
        assertThatThrownBy(() -> parse(script))
                .isInstanceOf(SqlScriptException.class)
                .hasMessage("line 6: environment variable MYSQL_USER is not set\n  in: CREATE TABLE orders ( id BIGINT ) WITH ( 'hostname' = '${MYS ...")
                .hasMessageNotContaining("secret");
    }

    @Test
    void statementSetBlocksMustBeClosedAndHoldOnlyInserts() {
        assertThatThrownBy(() -> parse("EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;"))
                .hasMessageStartingWith("line 1: the statement set has no END");
        assertThatThrownBy(() -> parse("EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;\nCREATE TABLE b (x INT);\nEND;"))
                .hasMessageStartingWith("line 3: only INSERT statements can stand in a statement set (the one that starts on line 1;");
        assertThatThrownBy(() -> parse("EXECUTE STATEMENT SET BEGIN END;"))
                .hasMessageStartingWith("line 1: the statement set holds no INSERT");
        assertThatThrownBy(() -> parse("SELECT 1;\nEND;"))
                .hasMessageStartingWith("line 2: END without EXECUTE STATEMENT SET BEGIN before it");
    }
}
