package dev.cdcpipeline.transform.expression;

import static dev.cdcpipeline.transform.expression.TestExpressions.compile;
import static dev.cdcpipeline.transform.expression.TestExpressions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogicTest {

    /** SQL's truth tables; the empty column is NULL ("unknown"). */
    @ParameterizedTest(name = "{0} AND {1} = {2}")
    @CsvSource({
        "TRUE, TRUE, true", "TRUE, FALSE, false", "TRUE, NULL, ",
        "FALSE, TRUE, false", "FALSE, FALSE, false", "FALSE, NULL, false",
        "NULL, TRUE, ", "NULL, FALSE, false", "NULL, NULL, "
    })
    void and(String left, String right, Boolean expected) {
        assertThat(evaluate(operand(left) + " AND " + operand(right))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} OR {1} = {2}")
    @CsvSource({
        "TRUE, TRUE, true", "TRUE, FALSE, true", "TRUE, NULL, true",
        "FALSE, TRUE, true", "FALSE, FALSE, false", "FALSE, NULL, ",
        "NULL, TRUE, true", "NULL, FALSE, ", "NULL, NULL, "
    })
    void or(String left, String right, Boolean expected) {
        assertThat(evaluate(operand(left) + " OR " + operand(right))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NOT {0} = {1}")
    @CsvSource({"TRUE, false", "FALSE, true", "NULL, "})
    void not(String operand, Boolean expected) {
        assertThat(evaluate("NOT " + operand(operand))).isEqualTo(expected);
    }

    /** NULL AND NULL would leave NULL without a kind; a BOOLEAN column that is null stands in for it. */
    private static String operand(String value) {
        return value.equals("NULL") ? "active" : value;
    }

    @Test
    void aBareNullTakesBooleanInLogic() {
        assertThat(evaluate("NULL AND FALSE")).isEqualTo(false);
        assertThat(evaluate("NULL OR TRUE")).isEqualTo(true);
        assertThat(evaluate("NOT NULL")).isNull();
    }

    @Test
    void theDecidingSideStopsEvaluation() {
        assertThat(evaluate("FALSE AND 1 / 0 = 1")).isEqualTo(false);
        assertThat(evaluate("TRUE OR 1 / 0 = 1")).isEqualTo(true);
        assertThatThrownBy(() -> evaluate("TRUE AND 1 / 0 = 1")).isInstanceOf(ExpressionEvaluationException.class);
    }

    @Test
    void notBindsLooserThanComparisonsAndAndTighterThanOr() {
        assertThat(evaluate("NOT 1 = 2")).isEqualTo(true);
        assertThat(evaluate("NOT NOT TRUE")).isEqualTo(true);
        assertThat(evaluate("TRUE OR TRUE AND FALSE")).isEqualTo(true);
        assertThat(evaluate("(TRUE OR TRUE) AND FALSE")).isEqualTo(false);
        assertThat(evaluate("NOT TRUE OR TRUE")).isEqualTo(true);
        assertThat(evaluate("true and not false")).isEqualTo(true);
    }

    @Test
    void logicTakesBooleansOnly() {
        assertThatThrownBy(() -> evaluate("amount AND TRUE")).isInstanceOf(ExpressionException.class)
                .hasMessage("'amount' is DECIMAL, 'AND' at 7 needs BOOLEAN");
        assertThatThrownBy(() -> evaluate("TRUE OR 'yes'")).hasMessage("'yes' is TEXT, 'OR' at 5 needs BOOLEAN");
        assertThatThrownBy(() -> evaluate("NOT amount")).hasMessage("'amount' is DECIMAL, 'NOT' at 0 needs BOOLEAN");
    }

    @Test
    void aFilterPassesOnlyTrue() {
        Expression filter = compile("amount > 10");
        assertThat(filter.test(Map.of("amount", new BigDecimal("10.01")))).isTrue();
        assertThat(filter.test(Map.of("amount", BigDecimal.TEN))).isFalse();
        Map<String, Object> nullAmount = new HashMap<>();
        nullAmount.put("amount", null);
        assertThat(filter.evaluate(nullAmount)).isNull();
        assertThat(filter.test(nullAmount)).as("unknown does not pass, as in WHERE").isFalse();
        assertThatIllegalStateException().isThrownBy(() -> compile("amount + 1").test(Map.of()))
                .withMessage("expression 'amount + 1' is DECIMAL, not a condition");
    }
}
