package dev.cdcpipeline.transform.expression;

import static dev.cdcpipeline.transform.expression.TestExpressions.compile;
import static dev.cdcpipeline.transform.expression.TestExpressions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FunctionsTest {

    @Test
    void upperLowerAndTrim() {
        assertThat(evaluate("upper(status)", "status", "Paid")).isEqualTo("PAID");
        assertThat(evaluate("lower(status)", "status", "Paid")).isEqualTo("paid");
        assertThat(evaluate("lower('İ')")).as("locale-independent").isEqualTo("i\u0307");
        assertThat(evaluate("trim('  a b  ')")).isEqualTo("a b");
        assertThat(evaluate("trim(note)", "note", "\ta ")).as("only spaces, as SQL's TRIM").isEqualTo("\ta");
        assertThat(evaluate("trim('   ')")).isEqualTo("");
        assertThat(compile("upper(status)").resultKind()).isEqualTo(ValueKind.TEXT);
        assertThat(evaluate("upper(status)")).isNull();
    }

    @Test
    void lengthCountsCharactersNotCodeUnits() {
        assertThat(compile("length(status)").resultKind()).isEqualTo(ValueKind.INTEGER);
        assertThat(evaluate("length('héllo')")).isEqualTo(5L);
        assertThat(evaluate("length(status)", "status", "\uD83D\uDE00x")).isEqualTo(2L);
        assertThat(evaluate("length('')")).isEqualTo(0L);
        assertThat(evaluate("length(status)")).isNull();
    }

    @Test
    void substringIsOneBasedAndCutToTheText() {
        assertThat(evaluate("substring('hello', 2)")).isEqualTo("ello");
        assertThat(evaluate("substring('hello', 2, 3)")).isEqualTo("ell");
        assertThat(evaluate("substring('hello', 0, 3)")).as("positions 0, 1 and 2, of which 1 and 2 exist").isEqualTo("he");
        assertThat(evaluate("substring('hello', -5, 3)")).isEqualTo("");
        assertThat(evaluate("substring('hello', 10)")).isEqualTo("");
        assertThat(evaluate("substring('hello', 4, 100)")).isEqualTo("lo");
        assertThat(evaluate("substring('hello', 2, 9223372036854775807)")).isEqualTo("ello");
        assertThat(evaluate("substring('hello', 2, 0)")).isEqualTo("");
        assertThat(evaluate("substring(status, 2, 1)", "status", "\uD83D\uDE00ab")).isEqualTo("a");
        assertThat(evaluate("substring(status, 1, quantity)", "status", "abc")).isNull();
    }

    @Test
    void substringRefusesANegativeLengthAndNonIntegerPositions() {
        assertThatThrownBy(() -> evaluate("substring(status, 1, -1)", "status", "secret"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("expression 'substring(status, 1, -1)' failed at 0: substring: negative substring length");
        assertThatThrownBy(() -> compile("substring(status, 1.5)")).hasMessage("'1.5' is DECIMAL, 'substring' at 0 needs INTEGER");
        assertThatThrownBy(() -> compile("substring(1, 1)")).hasMessage("'1' is INTEGER, 'substring' at 0 needs TEXT");
    }

    @Test
    void concatSkipsNullsAndRendersEveryKind() {
        assertThat(evaluate("concat('a', NULL, 1, 2.50, TRUE, note)")).isEqualTo("a12.50true");
        assertThat(evaluate("concat(status, '-', birthday)", "status", "born", "birthday", LocalDate.of(2000, 2, 29)))
                .isEqualTo("born-2000-02-29");
        assertThat(evaluate("concat(NULL)")).isEqualTo("");
        assertThat(evaluate("concat(note)")).isEqualTo("");
        assertThat(compile("concat(quantity)").resultKind()).isEqualTo(ValueKind.TEXT);
        assertThatThrownBy(() -> compile("concat('a', picture)")).hasMessage("'picture' is BYTES, 'concat' at 0 needs values with a text form");
    }

    @Test
    void pipesAreNullWhenEitherSideIsNull() {
        assertThat(evaluate("'order-' || quantity", "quantity", 7L)).isEqualTo("order-7");
        assertThat(evaluate("status || ' ' || note", "status", "a", "note", "b")).isEqualTo("a b");
        assertThat(evaluate("'a' || NULL")).isNull();
        assertThat(evaluate("status || 'x'")).isNull();
        assertThat(evaluate("'total: ' || amount * 2", "amount", new BigDecimal("1.25"))).isEqualTo("total: 2.50");
        assertThatThrownBy(() -> compile("1 || 2")).hasMessage("'1' is INTEGER and '2' is INTEGER, '||' at 2 needs TEXT"
                + " on at least one side; '+' adds numbers");
        assertThatThrownBy(() -> compile("status || picture")).hasMessage("'picture' is BYTES, '||' at 7 needs values with a text form");
    }

    @Test
    void coalesceGivesTheFirstNonNullInTheWidestKind() {
        assertThat(compile("coalesce(amount, 0)").resultKind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(evaluate("coalesce(amount, 0)")).isEqualTo(BigDecimal.ZERO);
        assertThat(evaluate("coalesce(amount, 0)", "amount", new BigDecimal("1.50"))).isEqualTo(new BigDecimal("1.50"));
        assertThat(evaluate("coalesce(quantity, amount)", "quantity", 3L)).isEqualTo(new BigDecimal("3"));
        assertThat(evaluate("coalesce(status, note, 'none')", "note", "n")).isEqualTo("n");
        assertThat(evaluate("coalesce(status, note)")).isNull();
        assertThat(evaluate("coalesce(NULL, quantity, 5)")).isEqualTo(5L);
        assertThat(compile("coalesce(quantity, ratio)").resultKind()).isEqualTo(ValueKind.DOUBLE);
        assertThat(evaluate("COALESCE(quantity, 1 / 0)", "quantity", 1L)).as("later arguments only when needed")
                .isEqualTo(new BigDecimal("1"));
    }

    @Test
    void coalesceNeedsArgumentsOfOneKind() {
        assertThatThrownBy(() -> compile("coalesce(status, 1)"))
                .hasMessage("'status' is TEXT and '1' is INTEGER, coalesce at 0 needs arguments of one kind");
        assertThatThrownBy(() -> compile("coalesce(NULL, NULL)")).hasMessageContaining("NULL at 9 has no kind");
        assertThatThrownBy(() -> compile("coalesce()")).hasMessage("coalesce at 0 takes at least 1 argument, not 0");
    }

    @Test
    void absKeepsTheKind() {
        assertThat(evaluate("abs(-5)")).isEqualTo(5L);
        assertThat(evaluate("abs(-1.50)")).isEqualTo(new BigDecimal("1.50"));
        assertThat(evaluate("abs(ratio)", "ratio", -0.5)).isEqualTo(0.5);
        assertThat(evaluate("abs(quantity)")).isNull();
        assertThatThrownBy(() -> evaluate("abs(quantity)", "quantity", Long.MIN_VALUE))
                .isInstanceOf(ExpressionEvaluationException.class).hasMessageContaining("abs: integer overflow");
        assertThatThrownBy(() -> compile("abs(status)")).hasMessage("'status' is TEXT, 'abs' at 0 needs numbers");
    }

    @Test
    void roundGoesHalfAwayFromZero() {
        assertThat(evaluate("round(2.5)")).isEqualTo(new BigDecimal("3"));
        assertThat(evaluate("round(-2.5)")).isEqualTo(new BigDecimal("-3"));
        assertThat(evaluate("round(1.2345, 2)")).isEqualTo(new BigDecimal("1.23"));
        assertThat(evaluate("round(1.235, 2)")).isEqualTo(new BigDecimal("1.24"));
        assertThat(evaluate("round(1.5, 3)")).isEqualTo(new BigDecimal("1.500"));
        assertThat(evaluate("round(1234.5, -2)")).isEqualTo(new BigDecimal("1200"));
        assertThat(evaluate("round(1250, -2)")).isEqualTo(1300L);
        assertThat(evaluate("round(1249, -2)")).isEqualTo(1200L);
        assertThat(evaluate("round(17)")).isEqualTo(17L);
        assertThat(evaluate("round(ratio)", "ratio", 2.5)).isEqualTo(3.0);
        assertThat(evaluate("round(ratio, 1)", "ratio", 0.25)).isEqualTo(0.3);
        assertThat(evaluate("round(5, quantity)")).isNull();
        assertThat(compile("round(amount, 2)").resultKind()).isEqualTo(ValueKind.DECIMAL);
    }

    @Test
    void roundRefusesAbsurdDigitsAndOverflow() {
        assertThatThrownBy(() -> evaluate("round(1.5, quantity)", "quantity", 99_999L))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("round's digits must be between -1000 and 1000");
        assertThatThrownBy(() -> evaluate("round(9223372036854775807, -1)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("overflow");
        assertThatThrownBy(() -> compile("round(1.5, 1.5)")).hasMessage("'1.5' is DECIMAL, 'round' at 0 needs INTEGER");
    }

    @Test
    void functionNamesIgnoreCase() {
        assertThat(evaluate("UPPER(status)", "status", "a")).isEqualTo("A");
        assertThat(evaluate("Length('ab')")).isEqualTo(2L);
        assertThat(evaluate("CoAlEsCe(status, 'x')")).isEqualTo("x");
    }

    @Test
    void anUnknownFunctionListsTheKnownOnes() {
        assertThatThrownBy(() -> compile("status = lowercase(note)"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("unknown function 'lowercase' at 9; the functions are"
                        + " abs, cast, coalesce, concat, length, lower, round, substring, trim, upper");
    }

    @Test
    void eachFunctionTakesItsNumberOfArguments() {
        assertThatThrownBy(() -> compile("upper()")).hasMessage("upper at 0 takes 1 argument, not 0");
        assertThatThrownBy(() -> compile("upper('a', 'b')")).hasMessage("upper at 0 takes 1 argument, not 2");
        assertThatThrownBy(() -> compile("substring('a')")).hasMessage("substring at 0 takes 2 to 3 arguments, not 1");
        assertThatThrownBy(() -> compile("concat()")).hasMessage("concat at 0 takes at least 1 argument, not 0");
        assertThatThrownBy(() -> compile("upper('a'")).hasMessage("expected ')' at 9 to close the arguments of upper at 0,"
                + " found the end of the expression");
    }
}
