package dev.cdcpipeline.transform.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.schema.ValueKind;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CompileErrorsTest {

    private static final Map<String, ValueKind> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("id", ValueKind.INTEGER);
        COLUMNS.put("customer_id", ValueKind.INTEGER);
        COLUMNS.put("amount", ValueKind.DECIMAL);
        COLUMNS.put("status", ValueKind.TEXT);
    }

    private static Expression compile(String text) {
        return Expression.compile(text, COLUMNS);
    }

    private static ExpressionException failure(String text) {
        try {
            compile(text);
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError(text + " compiled");
    }

    @Test
    void anUnknownColumnIsNamedWithTheTablesColumns() {
        ExpressionException failure = failure("amout > 10");
        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown column 'amout' at 0; the table's columns are id, customer_id, amount, status");
        assertThat(failure.position()).isZero();
        assertThat(failure("status = 'x' AND amout > 1").position()).isEqualTo(17);
        assertThat(failure("\"Amount\" > 1")).hasMessage("unknown column 'Amount' at 0 (a name in quotes matches its case"
                + " exactly); the table's columns are id, customer_id, amount, status");
        assertThatThrownBy(() -> Expression.compile("x", Map.of())).hasMessage("unknown column 'x' at 0; the table has no columns");
    }

    @Test
    void aBareNameIgnoresCaseUnlessThatIsAmbiguous() {
        assertThat(compile("AMOUNT > 1").referencedColumns()).containsExactly("amount");
        Map<String, ValueKind> twoCases = new LinkedHashMap<>();
        twoCases.put("status", ValueKind.TEXT);
        twoCases.put("STATUS", ValueKind.TEXT);
        assertThat(Expression.compile("STATUS = 'a'", twoCases).referencedColumns()).containsExactly("STATUS");
        assertThatThrownBy(() -> Expression.compile("Status = 'a'", twoCases))
                .hasMessage("column name 'Status' at 0 matches status and STATUS ignoring case; write the one meant in"
                        + " double quotes, which match exactly");
    }

    @Test
    void typeErrorsNameTheOperandTheOperatorAndWhere() {
        ExpressionException failure = failure("amount > 0 AND status + 1 > 2");
        assertThat(failure).hasMessage("'status' is TEXT, '+' at 22 needs numbers");
        assertThat(failure.position()).isEqualTo(15);
        assertThat(failure("amount * (status || 'x')"))
                .hasMessage("'(status || 'x')' is TEXT, '*' at 7 needs numbers");
        assertThat(failure("amount + substring(status, 1, 2)"))
                .hasMessage("'substring(status, 1, 2)' is TEXT, '+' at 7 needs numbers");
    }

    @Test
    void aLongOperandIsShortenedInMessages() {
        assertThat(failure("'abcdefghijklmnopqrstuvwxyz' || 'abcdefghijklmnopqrstuvwxyz' + 1"))
                .hasMessage("'abcdefghijklmnopqrstuvwxyz' is TEXT, '+' at 61 needs numbers");
        assertThat(failure("upper('abcdefghijklmnopqrstuvwxyz' || 'abcdefghijklmnopqrstuvwxyz') + 1"))
                .hasMessage("'upper('abcdefghijklmnopqrstuvwxyz' ||...' is TEXT, '+' at 68 needs numbers");
    }

    @Test
    void syntaxErrorsSayWhatWasExpectedAndFound() {
        assertThat(failure("")).hasMessage("the expression is empty");
        assertThat(failure("   ")).hasMessage("the expression is empty");
        assertThat(failure("amount +")).hasMessage("expected a value at 8, found the end of the expression");
        assertThat(failure("amount 5")).hasMessage("unexpected '5' at 7; expected an operator or the end of the expression");
        assertThat(failure("(amount + 1")).hasMessage("expected ')' at 11 to close the '(' at 0, found the end of the expression");
        assertThat(failure("amount + 1)")).hasMessage("unexpected ')' at 10; expected an operator or the end of the expression");
        assertThat(failure("amount > , 1")).hasMessage("expected a value at 9, found ','");
        assertThat(failure("status = 'paid")).hasMessage("string at 9 is not closed with '");
        assertThat(failure("\"status = 1")).hasMessage("quoted name at 0 is not closed with \"");
        assertThat(failure("amount # 1")).hasMessage("unexpected character '#' at 7");
        assertThat(failure("café = 1")).hasMessage("unexpected character 'é' at 3; a name with such characters goes in double quotes");
        assertThat(failure("amount | 1")).hasMessage("unexpected character '|' at 7; '||' joins texts");
        assertThat(failure("amount ! 1")).hasMessage("unexpected character '!' at 7; write '!=' or NOT");
        assertThat(failure("1abc")).hasMessage("number at 0 runs into a name at 1; separate them with a space or an operator");
        assertThat(failure("1e")).hasMessage("number at 0 has no digits after its exponent at 1");
        assertThat(failure("\"\" = 1")).hasMessage("empty quoted name at 0");
    }

    @Test
    void keywordsCannotNameColumnsWithoutQuotes() {
        Map<String, ValueKind> columns = Map.of("and", ValueKind.BOOLEAN, "date", ValueKind.DATE);
        assertThatThrownBy(() -> Expression.compile("and", columns))
                .hasMessage("expected a value at 0, found the keyword AND (a column of that name must be written in double quotes)");
        assertThat(Expression.compile("\"and\"", columns).referencedColumns()).containsExactly("and");
        assertThat(Expression.compile("date IS NULL", columns).referencedColumns())
                .as("DATE starts a literal only before a string").containsExactly("date");
    }

    @Test
    void aBareNullNeedsAKind() {
        assertThat(failure("NULL")).hasMessage("NULL at 0 has no kind when it is the whole expression;"
                + " write CAST(NULL AS type), e.g. CAST(NULL AS TEXT)");
        assertThat(failure("(NULL)")).hasMessageStartingWith("NULL at 0 has no kind");
        assertThat(failure("NULL = NULL")).hasMessageStartingWith("NULL at 0 has no kind on both sides of '='");
    }

    @Test
    void nestingIsBounded() {
        assertThat(compile("(".repeat(150) + "1" + ")".repeat(150)).evaluate(Map.of())).isEqualTo(1L);
        assertThat(failure("(".repeat(500) + "1" + ")".repeat(500))).hasMessageContaining("nests deeper than 200 levels");
        assertThat(failure("NOT ".repeat(500) + "TRUE")).hasMessageContaining("nests deeper than 200 levels");
        assertThat(failure("- ".repeat(500) + "amount")).hasMessageContaining("nests deeper than 200 levels");
    }
}
