package dev.cdcpipeline.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlStatementSplitterTest {

    private static List<SqlStatement> split(String script) throws SqlScriptException {
        return SqlStatementSplitter.split(script);
    }

    @Test
    void splitsAtSemicolonsAndKeepsEachStatementsFirstLine() throws Exception {
        assertThat(split("CREATE TABLE a (x INT);\n\nINSERT INTO a\n  SELECT 1;\nSELECT 2"))
                .containsExactly(
                        new SqlStatement("CREATE TABLE a (x INT)", 1),
                        new SqlStatement("INSERT INTO a\n  SELECT 1", 3),
                        new SqlStatement("SELECT 2", 5));
    }

    @Test
    void dropsBlankStatementsAndStatementsOfCommentsOnly() throws Exception {
        assertThat(split(";;\n  ;\n-- only a comment\n;/* and another */;\n\n")).isEmpty();
        assertThat(split("")).isEmpty();
        assertThat(split("SELECT 1;;;SELECT 2;")).extracting(SqlStatement::text).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void aStatementStartsAtItsFirstTokenNotAtTheCommentsBeforeIt() throws Exception {
        assertThat(split("-- the orders\n/* more\n   about them */\n\n  CREATE TABLE orders (id INT);"))
                .containsExactly(new SqlStatement("CREATE TABLE orders (id INT)", 5));
    }

    @Test
    void ignoresSemicolonsInStringLiteralsIncludingEscapedQuotes() throws Exception {
        assertThat(split("SELECT 'a;b', 'it''s; fine', '';\nSELECT ';'"))
                .containsExactly(
                        new SqlStatement("SELECT 'a;b', 'it''s; fine', ''", 1),
                        new SqlStatement("SELECT ';'", 2));
    }

    @Test
    void aStringLiteralMaySpanLines() throws Exception {
        assertThat(split("SELECT 'first;\nsecond';\nSELECT 3"))
                .containsExactly(new SqlStatement("SELECT 'first;\nsecond'", 1), new SqlStatement("SELECT 3", 3));
    }

    @Test
    void ignoresSemicolonsInBackquotedIdentifiersIncludingEscapedBackquotes() throws Exception {
        assertThat(split("SELECT `a;b`, `x``;y` FROM `t;`; SELECT 1"))
                .extracting(SqlStatement::text)
                .containsExactly("SELECT `a;b`, `x``;y` FROM `t;`", "SELECT 1");
    }

    @Test
    void ignoresSemicolonsAndQuotesInComments() throws Exception {
        assertThat(split("SELECT 1 -- not the end; nor ' a quote\n, 2; /* ; ' ` */ SELECT 3"))
                .containsExactly(
                        new SqlStatement("SELECT 1 -- not the end; nor ' a quote\n, 2", 1),
                        new SqlStatement("SELECT 3", 2));
    }

    @Test
    void commentMarkersInsideLiteralsAreText() throws Exception {
        assertThat(split("SELECT '--;', '/*;*/'; SELECT `--`"))
                .extracting(SqlStatement::text)
                .containsExactly("SELECT '--;', '/*;*/'", "SELECT `--`");
    }

    @Test
    void keepsHintsWithTheirSemicolonsInTheStatement() throws Exception {
        assertThat(split("SELECT /*+ OPTIONS('k'='a;b') */ * FROM t; SELECT 2"))
                .extracting(SqlStatement::text)
                .containsExactly("SELECT /*+ OPTIONS('k'='a;b') */ * FROM t", "SELECT 2");
    }

    @Test
    void aLastStatementNeedsNoSemicolonAndATrailingCommentIsNotAStatement() throws Exception {
        assertThat(split("SELECT 1;\nSELECT 2 -- the last\n")).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2 -- the last", 2));
        assertThat(split("SELECT 1;\n-- the end")).containsExactly(new SqlStatement("SELECT 1", 1));
    }

    @Test
    void countsLinesOfWindowsLineEndingsToo() throws Exception {
        assertThat(split("SELECT 1;\r\n\r\nSELECT 2;")).containsExactly(
                new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT 2", 3));
    }

    @Test
    void cutsAStatementSetBlockIntoItsBeginItsInsertsAndItsEnd() throws Exception {
        String script = """
                CREATE TABLE a (x INT);
                EXECUTE STATEMENT SET
                BEGIN
                  INSERT INTO a SELECT 1;
                  -- the second one
                  INSERT INTO b
                    SELECT ';';
                END;
                SELECT 3;
                """;
        assertThat(split(script)).containsExactly(
                new SqlStatement("CREATE TABLE a (x INT)", 1),
                new SqlStatement(SqlStatementSplitter.STATEMENT_SET_BEGIN, 2),
                new SqlStatement("INSERT INTO a SELECT 1", 4),
                new SqlStatement("INSERT INTO b\n    SELECT ';'", 6),
                new SqlStatement("END", 8),
                new SqlStatement("SELECT 3", 9));
    }

    @Test
    void recognisesTheStatementSetKeywordsInAnyCaseAndSpacing() throws Exception {
        assertThat(split("execute  statement\tset begin insert into a select 1; end;"))
                .extracting(SqlStatement::text)
                .containsExactly(SqlStatementSplitter.STATEMENT_SET_BEGIN, "insert into a select 1", "end");
    }

    @Test
    void theSqlClientsOlderStatementSetSyntaxSplitsByItself() throws Exception {
        assertThat(split("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND;"))
                .extracting(SqlStatement::text)
                .containsExactly("BEGIN STATEMENT SET", "INSERT INTO a SELECT 1", "END");
    }

    @Test
    void anUnclosedLiteralIdentifierOrCommentIsAnErrorNamingTheLineItStartsOn() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'oops;\nSELECT 2;"))
                .isInstanceOf(SqlScriptException.class)
                .hasMessage("line 2: the string literal (') starting here is not closed");
        assertThatThrownBy(() -> split("SELECT `oops"))
                .hasMessage("line 1: the quoted identifier (`) starting here is not closed");
        assertThatThrownBy(() -> split("SELECT 1;\n\n/* forever"))
                .hasMessage("line 3: the comment (/*) starting here is not closed");
    }
}
