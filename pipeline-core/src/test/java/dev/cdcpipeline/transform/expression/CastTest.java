package dev.cdcpipeline.transform.expression;

import static dev.cdcpipeline.transform.expression.TestExpressions.compile;
import static dev.cdcpipeline.transform.expression.TestExpressions.evaluate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class CastTest {

    @Test
    void toBigint() {
        assertThat(compile("CAST(status AS BIGINT)").resultKind()).isEqualTo(ValueKind.INTEGER);
        assertThat(evaluate("CAST('42' AS BIGINT)")).isEqualTo(42L);
        assertThat(evaluate("cast(' -42 ' as int)")).isEqualTo(-42L);
        assertThat(evaluate("CAST(2.5 AS INTEGER)")).isEqualTo(3L);
        assertThat(evaluate("CAST(-2.5 AS BIGINT)")).isEqualTo(-3L);
        assertThat(evaluate("CAST(ratio AS BIGINT)", "ratio", 2.4)).isEqualTo(2L);
        assertThat(evaluate("CAST(TRUE AS BIGINT)")).isEqualTo(1L);
        assertThat(evaluate("CAST(quantity AS BIGINT)", "quantity", 7L)).isEqualTo(7L);
    }

    @Test
    void toDecimal() {
        assertThat(evaluate("CAST('19.990' AS DECIMAL)")).isEqualTo(new BigDecimal("19.990"));
        assertThat(evaluate("CAST(quantity AS NUMERIC)", "quantity", 7L)).isEqualTo(new BigDecimal("7"));
        assertThat(evaluate("CAST(ratio AS DECIMAL)", "ratio", 0.1)).isEqualTo(new BigDecimal("0.1"));
        assertThat(evaluate("CAST(amount AS DECIMAL(5,1))", "amount", new BigDecimal("19.99"))).isEqualTo(new BigDecimal("20.0"));
        assertThat(evaluate("CAST(amount AS DECIMAL(5, 3))", "amount", new BigDecimal("19.99"))).isEqualTo(new BigDecimal("19.990"));
        assertThat(evaluate("CAST(amount AS DECIMAL(3))", "amount", new BigDecimal("-19.5"))).isEqualTo(new BigDecimal("-20"));
        assertThat(evaluate("CAST(0.05 AS DECIMAL(1,1))")).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void toDouble() {
        assertThat(evaluate("CAST(1 AS DOUBLE)")).isEqualTo(1.0);
        assertThat(evaluate("CAST('1.5' AS DOUBLE PRECISION)")).isEqualTo(1.5);
        assertThat(evaluate("CAST('-1e3' AS DOUBLE)")).isEqualTo(-1000.0);
        assertThat(evaluate("CAST(amount AS DOUBLE)", "amount", new BigDecimal("0.1"))).isEqualTo(0.1);
    }

    @Test
    void toText() {
        assertThat(evaluate("CAST(amount AS TEXT)", "amount", new BigDecimal("19.990"))).isEqualTo("19.990");
        assertThat(evaluate("CAST(amount AS VARCHAR)", "amount", new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(evaluate("CAST(ratio AS TEXT)", "ratio", 1e20)).isEqualTo("100000000000000000000");
        assertThat(evaluate("CAST(ratio AS TEXT)", "ratio", 0.1)).isEqualTo("0.1");
        assertThat(evaluate("CAST(ratio AS TEXT)", "ratio", 2.0)).isEqualTo("2");
        assertThat(evaluate("CAST(ratio AS TEXT)", "ratio", Double.NaN)).isEqualTo("NaN");
        assertThat(evaluate("CAST(quantity AS STRING)", "quantity", -3L)).isEqualTo("-3");
        assertThat(evaluate("CAST(active AS TEXT)", "active", true)).isEqualTo("true");
        assertThat(evaluate("CAST(payload AS TEXT)", "payload", new JsonText("{\"a\": 1}"))).isEqualTo("{\"a\": 1}");
        assertThat(evaluate("CAST(birthday AS TEXT)", "birthday", LocalDate.of(2024, 1, 31))).isEqualTo("2024-01-31");
        assertThat(evaluate("CAST(opens AS TEXT)", "opens", LocalTime.of(9, 30))).isEqualTo("09:30:00");
        assertThat(evaluate("CAST(created_at AS TEXT)", "created_at", LocalDateTime.of(2024, 1, 31, 9, 30))).isEqualTo("2024-01-31T09:30:00");
        assertThat(evaluate("CAST(updated_at AS TEXT)", "updated_at", Instant.parse("2024-01-31T08:30:00Z"))).isEqualTo("2024-01-31T08:30:00Z");
        assertThat(evaluate("CAST(status AS TEXT)", "status", " as is ")).isEqualTo(" as is ");
    }

    @Test
    void toBoolean() {
        assertThat(evaluate("CAST('yes' AS BOOLEAN)")).isEqualTo(true);
        assertThat(evaluate("CAST(' F ' AS BOOL)")).isEqualTo(false);
        assertThat(evaluate("CAST('1' AS BOOLEAN)")).isEqualTo(true);
        assertThat(evaluate("CAST(0 AS BOOLEAN)")).isEqualTo(false);
        assertThat(evaluate("CAST(-2 AS BOOLEAN)")).isEqualTo(true);
    }

    @Test
    void toDatesAndTimes() {
        assertThat(evaluate("CAST('2024-01-31' AS DATE)")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(evaluate("CAST('09:30' AS TIME)")).isEqualTo(LocalTime.of(9, 30));
        assertThat(evaluate("CAST('2024-01-31 09:30' AS DATETIME)")).isEqualTo(LocalDateTime.of(2024, 1, 31, 9, 30));
        assertThat(evaluate("CAST('2024-01-31T09:30:00.123456' AS DATETIME)"))
                .isEqualTo(LocalDateTime.of(2024, 1, 31, 9, 30, 0, 123_456_000));
        assertThat(evaluate("CAST('2024-01-31T09:30:00+01:00' AS TIMESTAMP)")).isEqualTo(Instant.parse("2024-01-31T08:30:00Z"));
        assertThat(evaluate("CAST('2024-01-31 08:30:00Z' AS TIMESTAMP)")).isEqualTo(Instant.parse("2024-01-31T08:30:00Z"));
        LocalDateTime created = LocalDateTime.of(2024, 1, 31, 9, 30);
        assertThat(evaluate("CAST(created_at AS DATE)", "created_at", created)).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(evaluate("CAST(created_at AS TIME)", "created_at", created)).isEqualTo(LocalTime.of(9, 30));
        assertThat(evaluate("CAST(birthday AS DATETIME)", "birthday", LocalDate.of(2024, 1, 31)))
                .isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
    }

    @Test
    void nullStaysNullAndANullCastHasAKind() {
        assertThat(evaluate("CAST(status AS BIGINT)")).isNull();
        assertThat(compile("CAST(NULL AS TEXT)").resultKind()).isEqualTo(ValueKind.TEXT);
        assertThat(evaluate("CAST(NULL AS DECIMAL(10,2))")).isNull();
    }

    @Test
    void textThatDoesNotParseFailsWithoutShowingTheText() {
        assertThatThrownBy(() -> evaluate("CAST(status AS BIGINT)", "status", "4x2-secret"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("expression 'CAST(status AS BIGINT)' failed at 0: CAST to BIGINT: the text is not an integer that fits a BIGINT")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> evaluate("CAST(status AS BIGINT)", "status", "1.5")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> evaluate("CAST(status AS DECIMAL)", "status", "")).hasMessageContaining("not a decimal number");
        assertThatThrownBy(() -> evaluate("CAST(status AS DOUBLE)", "status", "1d")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> evaluate("CAST(status AS BOOLEAN)", "status", "maybe")).hasMessageContaining("not a boolean");
        assertThatThrownBy(() -> evaluate("CAST(status AS DATE)", "status", "2024-02-30")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> evaluate("CAST(status AS TIMESTAMP)", "status", "2024-01-31 09:30:00"))
                .hasMessageContaining("with a zone offset");
    }

    @Test
    void numbersThatDoNotFitFail() {
        assertThatThrownBy(() -> evaluate("CAST(1e30 AS BIGINT)")).isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageEndingWith("CAST to BIGINT: the value does not fit a BIGINT");
        assertThatThrownBy(() -> evaluate("CAST(amount AS DECIMAL(4,1))", "amount", new BigDecimal("12345.6")))
                .hasMessageEndingWith("CAST to DECIMAL(4,1): the value does not fit a DECIMAL(4,1)")
                .hasMessageNotContaining("12345");
        assertThatThrownBy(() -> evaluate("CAST(999.96 AS DECIMAL(4,1))")).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> evaluate("CAST(ratio AS DECIMAL)", "ratio", Double.POSITIVE_INFINITY))
                .hasMessageContaining("no DECIMAL value");
        assertThatThrownBy(() -> evaluate("CAST(ratio AS BIGINT)", "ratio", Double.NaN)).hasMessageContaining("does not fit a BIGINT");
    }

    @Test
    void conversionsThatNeedATimeZoneAreCompileErrors() {
        assertThatThrownBy(() -> compile("CAST(updated_at AS DATETIME)"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("'updated_at' is TIMESTAMP, CAST at 0 cannot make it DATETIME: between a point in time and"
                        + " a wall-clock time lies a time zone, which an expression does not choose");
        assertThatThrownBy(() -> compile("CAST(created_at AS TIMESTAMP)")).hasMessageContaining("time zone");
        assertThatThrownBy(() -> compile("CAST(updated_at AS DATE)")).hasMessageContaining("time zone");
    }

    @Test
    void otherImpossibleConversionsAreCompileErrors() {
        assertThatThrownBy(() -> compile("CAST(picture AS TEXT)")).hasMessage("'picture' is BYTES, CAST at 0 cannot make it TEXT");
        assertThatThrownBy(() -> compile("CAST(tags AS TEXT)")).hasMessage("'tags' is ARRAY, CAST at 0 cannot make it TEXT");
        assertThatThrownBy(() -> compile("CAST(birthday AS BIGINT)")).hasMessage("'birthday' is DATE, CAST at 0 cannot make it BIGINT");
        assertThatThrownBy(() -> compile("CAST(amount AS BOOLEAN)")).hasMessage("'amount' is DECIMAL, CAST at 0 cannot make it BOOLEAN");
        assertThatThrownBy(() -> compile("CAST(payload AS BIGINT)")).hasMessage("'payload' is JSON, CAST at 0 cannot make it BIGINT");
    }

    @Test
    void theTypeMustBeKnownAndSizedOnlyForDecimal() {
        assertThatThrownBy(() -> compile("CAST(status AS MONEY)"))
                .hasMessage("unknown type 'MONEY' at 15 in CAST; the types are BIGINT, INT, INTEGER, DECIMAL, NUMERIC,"
                        + " DOUBLE, TEXT, VARCHAR, STRING, BOOLEAN, BOOL, DATE, TIME, DATETIME, TIMESTAMP");
        assertThatThrownBy(() -> compile("CAST(status AS VARCHAR(10))"))
                .hasMessage("VARCHAR at 15 takes no size in CAST; substring(x, 1, n) shortens text");
        assertThatThrownBy(() -> compile("CAST(amount AS DECIMAL(0))")).hasMessageContaining("needs 1 <= precision <= 1000");
        assertThatThrownBy(() -> compile("CAST(amount AS DECIMAL(5, 6))")).hasMessageContaining("0 <= scale <= precision");
        assertThatThrownBy(() -> compile("CAST(amount AS DECIMAL(5.5))")).hasMessage("expected a whole number at 23, found '5.5'");
        assertThatThrownBy(() -> compile("CAST(amount BIGINT)")).hasMessage("expected AS at 12 in CAST at 0, found 'BIGINT'");
        assertThatThrownBy(() -> compile("CAST(amount AS BIGINT")).hasMessage("expected ')' at 21 to close the CAST at 0,"
                + " found the end of the expression");
    }

    @Test
    void typedLiteralsMustParse() {
        assertThat(evaluate("DATE '2024-02-29'")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(evaluate("time '23:59:59.999999'")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
        assertThatThrownBy(() -> compile("DATE '2023-02-29'")).isInstanceOf(ExpressionException.class)
                .hasMessage("DATE literal at 0 is not a date (yyyy-mm-dd)");
        assertThatThrownBy(() -> compile("TIMESTAMP '2024-01-01 00:00:00'"))
                .hasMessageStartingWith("TIMESTAMP literal at 0 is not a date and time with a zone offset");
    }
}
