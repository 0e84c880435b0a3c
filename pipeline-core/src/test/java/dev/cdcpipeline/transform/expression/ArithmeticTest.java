package dev.cdcpipeline.transform.expression;

import static dev.cdcpipeline.transform.expression.TestExpressions.compile;
import static dev.cdcpipeline.transform.expression.TestExpressions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ArithmeticTest {

    @Test
    void integersStayIntegers() {
        assertThat(evaluate("1 + 2")).isEqualTo(3L);
        assertThat(evaluate("7 - 10")).isEqualTo(-3L);
        assertThat(evaluate("6 * 7")).isEqualTo(42L);
        assertThat(evaluate("7 % 3")).isEqualTo(1L);
        assertThat(evaluate("-7 % 3")).as("the remainder takes the dividend's sign, as in SQL").isEqualTo(-1L);
        assertThat(compile("id + quantity * 2").resultKind()).isEqualTo(ValueKind.INTEGER);
        assertThat(evaluate("id + quantity * 2", "id", 1L, "quantity", 3L)).isEqualTo(7L);
    }

    @Test
    void integerDivisionIsAnExactDecimal() {
        assertThat(compile("7 / 2").resultKind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(evaluate("7 / 2")).isEqualTo(new BigDecimal("3.5"));
        assertThat(evaluate("6 / 3")).isEqualTo(new BigDecimal("2"));
        assertThat(evaluate("1 / 8")).isEqualTo(new BigDecimal("0.125"));
    }

    @Test
    void aQuotientThatDoesNotTerminateKeeps34Digits() {
        assertThat(evaluate("1 / 3")).isEqualTo(new BigDecimal("0.3333333333333333333333333333333333"));
        assertThat(evaluate("2.00 / 3")).isEqualTo(new BigDecimal("0.6666666666666666666666666666666667"));
    }

    @Test
    void decimalArithmeticIsExact() {
        assertThat(evaluate("0.1 + 0.2 = 0.3")).isEqualTo(true);
        assertThat(evaluate("0.1 + 0.2")).isEqualTo(new BigDecimal("0.3"));
        assertThat(evaluate("amount * 100", "amount", new BigDecimal("19.99"))).isEqualTo(new BigDecimal("1999.00"));
        assertThat(evaluate("amount - 0.01", "amount", new BigDecimal("20.00"))).isEqualTo(new BigDecimal("19.99"));
        assertThat(evaluate("amount % 1", "amount", new BigDecimal("19.99"))).isEqualTo(new BigDecimal("0.99"));
        assertThat(evaluate("amount / 4", "amount", new BigDecimal("10.00"))).isEqualTo(new BigDecimal("2.50"));
        BigDecimal unsignedMax = new BigDecimal("18446744073709551615");
        assertThat(evaluate("amount + 1", "amount", unsignedMax)).isEqualTo(new BigDecimal("18446744073709551616"));
    }

    @Test
    void theWidestKindWins() {
        assertThat(compile("quantity + amount").resultKind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(compile("amount + ratio").resultKind()).isEqualTo(ValueKind.DOUBLE);
        assertThat(compile("quantity * ratio").resultKind()).isEqualTo(ValueKind.DOUBLE);
        assertThat(compile("ratio / 2").resultKind()).isEqualTo(ValueKind.DOUBLE);
        assertThat(evaluate("quantity + amount", "quantity", 2L, "amount", new BigDecimal("0.50"))).isEqualTo(new BigDecimal("2.50"));
        assertThat(evaluate("ratio * 2", "ratio", 0.25)).isEqualTo(0.5);
        assertThat(evaluate("amount + ratio", "amount", new BigDecimal("1.5"), "ratio", 0.25)).isEqualTo(1.75);
        assertThat(evaluate("ratio % 2", "ratio", 5.5)).isEqualTo(1.5);
    }

    @Test
    void literalsHaveTheKindTheirFormSays() {
        assertThat(evaluate("1.50")).isEqualTo(new BigDecimal("1.50"));
        assertThat(evaluate(".5")).isEqualTo(new BigDecimal("0.5"));
        assertThat(evaluate("1e3")).isEqualTo(1000.0);
        assertThat(evaluate("2.5E-1")).isEqualTo(0.25);
        assertThat(evaluate("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(evaluate("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(compile("9223372036854775808").resultKind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(evaluate("18446744073709551615")).isEqualTo(new BigDecimal("18446744073709551615"));
    }

    @Test
    void unaryMinusNegatesEachKind() {
        assertThat(evaluate("-quantity", "quantity", 3L)).isEqualTo(-3L);
        assertThat(evaluate("-amount", "amount", new BigDecimal("19.99"))).isEqualTo(new BigDecimal("-19.99"));
        assertThat(evaluate("-ratio", "ratio", 0.5)).isEqualTo(-0.5);
        assertThat(evaluate("- -5")).isEqualTo(5L);
        assertThat(evaluate("-(2 + 3)")).isEqualTo(-5L);
        assertThat(evaluate("3 - -2")).isEqualTo(5L);
    }

    @Test
    void precedenceAndAssociativityFollowSql() {
        assertThat(evaluate("2 + 3 * 4")).isEqualTo(14L);
        assertThat(evaluate("(2 + 3) * 4")).isEqualTo(20L);
        assertThat(evaluate("10 - 4 - 3")).isEqualTo(3L);
        assertThat(evaluate("20 % 7 * 2")).isEqualTo(12L);
        assertThat(evaluate("-2 * 3")).isEqualTo(-6L);
    }

    @Test
    void nullMakesTheResultNull() {
        assertThat(evaluate("amount + 1", "amount", null)).isNull();
        assertThat(evaluate("1 + amount")).isNull();
        assertThat(evaluate("-amount")).isNull();
        assertThat(compile("amount + NULL").resultKind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(evaluate("amount + NULL", "amount", BigDecimal.ONE)).isNull();
        assertThat(compile("NULL * 2").resultKind()).isEqualTo(ValueKind.INTEGER);
    }

    @Test
    void integerOverflowFailsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> evaluate("id * 2", "id", Long.MAX_VALUE))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("expression 'id * 2' failed at 3: integer overflow: the result does not fit a BIGINT in '*'");
        assertThatThrownBy(() -> evaluate("9223372036854775807 + 1")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("overflow");
        assertThatThrownBy(() -> evaluate("id - 1", "id", Long.MIN_VALUE)).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("overflow");
        assertThatThrownBy(() -> evaluate("-id", "id", Long.MIN_VALUE)).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("overflow");
        assertThatThrownBy(() -> evaluate("ratio * ratio", "ratio", 1e300)).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("does not fit a DOUBLE");
    }

    @Test
    void divisionByZeroFailsForEveryKind() {
        for (String text : new String[] {"id / quantity", "id % quantity", "amount / 0", "amount % 0.0", "ratio / 0", "ratio % 0"}) {
            assertThatThrownBy(() -> evaluate(text, "id", 7L, "quantity", 0L, "amount", BigDecimal.TEN, "ratio", 1.5))
                    .as(text)
                    .isInstanceOf(ExpressionEvaluationException.class)
                    .hasMessageContaining("division by zero");
        }
    }

    @Test
    void aFailureNamesTheExpressionAndOperatorButNoValue() {
        ExpressionEvaluationException failure = (ExpressionEvaluationException) catchFailure(
                () -> evaluate("amount / quantity", "amount", new BigDecimal("98765.4321"), "quantity", 0L));
        assertThat(failure.getMessage()).isEqualTo("expression 'amount / quantity' failed at 7: division by zero in '/'");
        assertThat(failure.getMessage()).doesNotContain("98765");
        assertThat(failure.expression()).isEqualTo("amount / quantity");
        assertThat(failure.position()).isEqualTo(7);
    }

    @Test
    void arithmeticOnANonNumberIsACompileError() {
        assertThatThrownBy(() -> compile("status + 1"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("'status' is TEXT, '+' at 7 needs numbers");
        assertThatThrownBy(() -> compile("1 * TRUE")).hasMessage("'TRUE' is BOOLEAN, '*' at 2 needs numbers");
        assertThatThrownBy(() -> compile("-status")).hasMessage("'status' is TEXT, '-' at 0 needs numbers");
        assertThatThrownBy(() -> compile("NULL + NULL")).hasMessageContaining("NULL at 0 has no kind")
                .hasMessageContaining("CAST(NULL AS");
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
