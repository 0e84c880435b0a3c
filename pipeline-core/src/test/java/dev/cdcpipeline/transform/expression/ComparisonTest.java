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
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1 = 1, true", "1 = 2, false", "1 <> 2, true", "1 != 1, false",
        "1 < 2, true", "2 < 2, false", "2 <= 2, true", "3 <= 2, false",
        "3 > 2, true", "2 > 2, false", "2 >= 2, true", "1 >= 2, false"
    })
    void everyComparisonOperator(String text, boolean expected) {
        assertThat(compile(text).resultKind()).isEqualTo(ValueKind.BOOLEAN);
        assertThat(evaluate(text)).isEqualTo(expected);
    }

    @Test
    void numbersOfAnyKindsCompareByExactValue() {
        assertThat(evaluate("1 = 1.00")).isEqualTo(true);
        assertThat(evaluate("1.0 = 1.00")).isEqualTo(true);
        assertThat(evaluate("amount = 19.990", "amount", new BigDecimal("19.99"))).isEqualTo(true);
        assertThat(evaluate("ratio = 0.1", "ratio", 0.1)).isEqualTo(true);
        assertThat(evaluate("quantity < amount", "quantity", 19L, "amount", new BigDecimal("19.01"))).isEqualTo(true);
        assertThat(evaluate("amount > 9223372036854775807", "amount", new BigDecimal("18446744073709551615"))).isEqualTo(true);
        // 2^53 + 1 as a double is 2^53: an exact comparison sees the difference a double one would not.
        assertThat(evaluate("9007199254740993 > ratio", "ratio", 9007199254740992.0)).isEqualTo(true);
        assertThat(evaluate("ratio > 1e308", "ratio", Double.POSITIVE_INFINITY)).isEqualTo(true);
    }

    @Test
    void textBooleansDatesAndTimesCompareWithTheirOwnKind() {
        assertThat(evaluate("status = 'paid'", "status", "paid")).isEqualTo(true);
        assertThat(evaluate("'a' < 'b'")).isEqualTo(true);
        assertThat(evaluate("'B' < 'a'")).as("by code unit, as String.compareTo").isEqualTo(true);
        assertThat(evaluate("active = TRUE", "active", true)).isEqualTo(true);
        assertThat(evaluate("FALSE < TRUE")).isEqualTo(true);
        assertThat(evaluate("birthday < DATE '2000-01-01'", "birthday", LocalDate.of(1999, 12, 31))).isEqualTo(true);
        assertThat(evaluate("opens >= TIME '09:00:00'", "opens", LocalTime.of(9, 0))).isEqualTo(true);
        assertThat(evaluate("created_at > DATETIME '2024-01-01 00:00:00'", "created_at", LocalDateTime.of(2024, 1, 1, 0, 0, 1)))
                .isEqualTo(true);
        assertThat(evaluate("updated_at = TIMESTAMP '2024-01-01T02:00:00+02:00'", "updated_at", Instant.parse("2024-01-01T00:00:00Z")))
                .isEqualTo(true);
    }

    @Test
    void aComparisonWithNullIsNull() {
        assertThat(evaluate("amount = 1")).isNull();
        assertThat(evaluate("1 < amount")).isNull();
        assertThat(evaluate("status = NULL", "status", "x")).isNull();
        assertThat(evaluate("NULL <> status", "status", "x")).isNull();
    }

    @Test
    void valuesOfDifferentKindsDoNotCompare() {
        assertThatThrownBy(() -> compile("status = 1")).isInstanceOf(ExpressionException.class)
                .hasMessage("'status' is TEXT and '1' is INTEGER, '=' at 7 compares values of the same kind;"
                        + " CAST one side to the other's kind");
        assertThatThrownBy(() -> compile("created_at > updated_at"))
                .hasMessageStartingWith("'created_at' is DATETIME and 'updated_at' is TIMESTAMP, '>' at 11")
                .hasMessageContaining("time zone")
                .hasMessageContaining("TIMESTAMP '2024-01-01T00:00:00Z'");
        assertThatThrownBy(() -> compile("birthday = created_at")).hasMessageContaining("CAST(... AS DATE)");
        assertThatThrownBy(() -> compile("active = 1")).hasMessageContaining("'active' is BOOLEAN");
    }

    @Test
    void jsonBytesAndArraysDoNotCompare() {
        assertThatThrownBy(() -> compile("payload = 'x'"))
                .hasMessage("'payload' is JSON, '=' at 8 needs numbers, text, booleans, dates or times;"
                        + " CAST(... AS TEXT) compares the JSON's text");
        assertThatThrownBy(() -> compile("picture = picture")).hasMessageContaining("'picture' is BYTES");
        assertThatThrownBy(() -> compile("tags < tags")).hasMessageContaining("'tags' is ARRAY");
        assertThat(evaluate("CAST(payload AS TEXT) = '{}'", "payload", new JsonText("{}"))).isEqualTo(true);
    }

    @Test
    void comparisonsDoNotChain() {
        assertThatThrownBy(() -> compile("1 < 2 < 3"))
                .hasMessage("comparisons do not chain: '<' at 6 follows another comparison; join them with AND, or use parentheses");
        assertThatThrownBy(() -> compile("quantity = 1 IS NULL")).hasMessageContaining("do not chain");
        assertThat(evaluate("(1 < 2) = TRUE")).isEqualTo(true);
    }

    @Test
    void isNullIsNeverNullAndTakesAnyKind() {
        assertThat(evaluate("amount IS NULL")).isEqualTo(true);
        assertThat(evaluate("amount IS NULL", "amount", BigDecimal.ONE)).isEqualTo(false);
        assertThat(evaluate("amount IS NOT NULL", "amount", BigDecimal.ONE)).isEqualTo(true);
        assertThat(evaluate("amount is not null")).isEqualTo(false);
        assertThat(evaluate("NULL IS NULL")).isEqualTo(true);
        assertThat(evaluate("payload IS NOT NULL AND picture IS NULL AND tags IS NOT NULL",
                "payload", new JsonText("{}"), "tags", List.of("a"))).isEqualTo(true);
        assertThat(evaluate("(amount + 1) IS NULL")).isEqualTo(true);
        assertThatThrownBy(() -> compile("amount IS 5")).hasMessage("expected NULL at 10 after IS, found '5'");
    }

    @Test
    void inFindsEqualValuesWithSqlNullRules() {
        assertThat(evaluate("status IN ('paid', 'shipped')", "status", "shipped")).isEqualTo(true);
        assertThat(evaluate("status IN ('paid', 'shipped')", "status", "new")).isEqualTo(false);
        assertThat(evaluate("status NOT IN ('paid', 'shipped')", "status", "new")).isEqualTo(true);
        assertThat(evaluate("quantity IN (1, 2.0)", "quantity", 2L)).isEqualTo(true);
        assertThat(evaluate("1 IN (1, NULL)")).isEqualTo(true);
        assertThat(evaluate("1 IN (2, NULL)")).isNull();
        assertThat(evaluate("1 NOT IN (2, NULL)")).isNull();
        assertThat(evaluate("quantity IN (1, 2)")).isNull();
        assertThat(evaluate("NULL IN (1)")).isNull();
        assertThat(evaluate("quantity in (1 + 1, 3)", "quantity", 2L)).isEqualTo(true);
        assertThatThrownBy(() -> compile("status IN ('a', 1)")).hasMessageContaining("'status' is TEXT and '1' is INTEGER, 'IN' at 7");
        assertThatThrownBy(() -> compile("status IN ()")).hasMessage("IN at 7 needs at least one value in its list");
        assertThatThrownBy(() -> compile("status IN 'a'")).hasMessage("expected '(' at 10 after IN, found 'a'");
        assertThatThrownBy(() -> compile("NULL IN (NULL)")).hasMessageContaining("has no kind");
    }

    @Test
    void betweenIncludesItsBoundsInOrder() {
        assertThat(evaluate("quantity BETWEEN 1 AND 10", "quantity", 1L)).isEqualTo(true);
        assertThat(evaluate("quantity BETWEEN 1 AND 10", "quantity", 10L)).isEqualTo(true);
        assertThat(evaluate("quantity BETWEEN 1 AND 10", "quantity", 11L)).isEqualTo(false);
        assertThat(evaluate("5 BETWEEN 10 AND 1")).isEqualTo(false);
        assertThat(evaluate("quantity NOT BETWEEN 1 AND 10", "quantity", 11L)).isEqualTo(true);
        assertThat(evaluate("'m' BETWEEN 'a' AND 'z'")).isEqualTo(true);
        assertThat(evaluate("amount BETWEEN 0 AND 19.99", "amount", new BigDecimal("19.990"))).isEqualTo(true);
        assertThat(evaluate("quantity BETWEEN 1 AND 10")).isNull();
        assertThat(evaluate("5 BETWEEN NULL AND 4")).as("above the high bound whatever the low one").isEqualTo(false);
        assertThat(evaluate("5 BETWEEN NULL AND 10")).isNull();
        assertThat(evaluate("5 NOT BETWEEN NULL AND 10")).isNull();
        assertThat(evaluate("quantity BETWEEN 1 AND 10 AND active", "quantity", 5L, "active", true)).isEqualTo(true);
        assertThatThrownBy(() -> compile("status BETWEEN 1 AND 2")).hasMessageContaining("'BETWEEN' at 7");
        assertThatThrownBy(() -> compile("quantity BETWEEN 1 OR 2")).hasMessage("expected AND at 19 between the bounds"
                + " of BETWEEN at 9, found 'OR'");
    }

    @Test
    void likeMatchesPercentAndUnderscoreCaseSensitively() {
        assertThat(evaluate("status LIKE 'pa%'", "status", "paid")).isEqualTo(true);
        assertThat(evaluate("status LIKE '_aid'", "status", "paid")).isEqualTo(true);
        assertThat(evaluate("status LIKE '_id'", "status", "paid")).isEqualTo(false);
        assertThat(evaluate("status LIKE 'PAID'", "status", "paid")).isEqualTo(false);
        assertThat(evaluate("status NOT LIKE 'pa%'", "status", "new")).isEqualTo(true);
        assertThat(evaluate("status LIKE '%'", "status", "")).isEqualTo(true);
        assertThat(evaluate("status LIKE 'a%b'", "status", "a\nline\nb")).isEqualTo(true);
        assertThat(evaluate("status LIKE '_'", "status", "\uD83D\uDE00")).as("one emoji is one character").isEqualTo(true);
    }

    @Test
    void likeTakesRegexCharactersLiterally() {
        assertThat(evaluate("'a.c' LIKE 'a.c'")).isEqualTo(true);
        assertThat(evaluate("'abc' LIKE 'a.c'")).isEqualTo(false);
        assertThat(evaluate("'a\\Eb' LIKE 'a\\E%'")).isEqualTo(true);
        assertThat(evaluate("'(x)+' LIKE '(x)+'")).isEqualTo(true);
    }

    @Test
    void likeEscapesWithTheGivenCharacter() {
        assertThat(evaluate("'100%' LIKE '100!%' ESCAPE '!'")).isEqualTo(true);
        assertThat(evaluate("'1000' LIKE '100!%' ESCAPE '!'")).isEqualTo(false);
        assertThat(evaluate("'a_b' LIKE 'a\\_b' ESCAPE '\\'")).isEqualTo(true);
        assertThat(evaluate("'a!b' LIKE 'a!!b' ESCAPE '!'")).isEqualTo(true);
        assertThatThrownBy(() -> compile("status LIKE 'a!b' ESCAPE '!'"))
                .hasMessage("in a LIKE pattern the escape character must come before %, _ or itself (pattern at 12)");
        assertThatThrownBy(() -> compile("status LIKE 'a' ESCAPE 'ab'"))
                .hasMessage("ESCAPE at 16 needs a string of one character, such as '\\'");
    }

    @Test
    void likeTakesAPatternFromAColumn() {
        assertThat(evaluate("status LIKE pattern", "status", "paid", "pattern", "p%")).isEqualTo(true);
        assertThat(evaluate("status LIKE pattern || '%'", "status", "paid", "pattern", "p")).isEqualTo(true);
        assertThat(evaluate("status LIKE pattern", "status", "paid")).isNull();
        assertThat(evaluate("status LIKE 'p%'")).isNull();
        assertThatThrownBy(() -> evaluate("status LIKE pattern ESCAPE '!'", "status", "secret", "pattern", "secret!"))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("expression 'status LIKE pattern ESCAPE '!'' failed at 7:"
                        + " in a LIKE pattern the escape character must come before %, _ or itself");
    }

    @Test
    void likeTakesTextOnly() {
        assertThatThrownBy(() -> compile("amount LIKE '1%'")).hasMessage("'amount' is DECIMAL, 'LIKE' at 7 needs TEXT");
        assertThatThrownBy(() -> compile("status NOT LIKE 1")).hasMessage("'1' is INTEGER, 'NOT LIKE' at 7 needs TEXT");
    }
}
