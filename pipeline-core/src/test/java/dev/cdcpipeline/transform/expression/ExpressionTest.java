package dev.cdcpipeline.transform.expression;

import static dev.cdcpipeline.transform.expression.TestExpressions.COLUMNS;
import static dev.cdcpipeline.transform.expression.TestExpressions.compile;
import static dev.cdcpipeline.transform.expression.TestExpressions.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.schema.ValueKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ExpressionTest {

    @Test
    void aColumnGivesItsValueOfItsKind() {
        Map<String, Object> row = row(
                "id", 1L, "amount", new BigDecimal("1.5"), "ratio", 0.5, "status", "s", "active", true,
                "payload", new JsonText("{}"), "picture", new byte[] {1, 2}, "birthday", LocalDate.of(2000, 1, 1),
                "opens", LocalTime.NOON, "created_at", LocalDateTime.of(2024, 1, 1, 0, 0),
                "updated_at", Instant.EPOCH, "tags", List.of("a"));
        for (Map.Entry<String, Object> column : row.entrySet()) {
            Expression expression = compile("\"" + column.getKey() + "\"");
            assertThat(expression.resultKind()).isEqualTo(COLUMNS.get(column.getKey()));
            assertThat(expression.evaluate(row)).isSameAs(column.getValue());
            assertThat(expression.resultKind().javaType()).isInstanceOf(Class.class);
            assertThat(expression.resultKind().javaType().isInstance(column.getValue())).isTrue();
        }
    }

    @Test
    void resultKindsOfWholeExpressions() {
        assertThat(compile("amount > 1").resultKind()).isEqualTo(ValueKind.BOOLEAN);
        assertThat(compile("amount * 2").resultKind()).isEqualTo(ValueKind.DECIMAL);
        assertThat(compile("upper(status)").resultKind()).isEqualTo(ValueKind.TEXT);
        assertThat(compile("CAST(NULL AS DATE)").resultKind()).isEqualTo(ValueKind.DATE);
        assertThat(compile("payload").resultKind()).isEqualTo(ValueKind.JSON);
    }

    @Test
    void knowsItsTextAndTheColumnsItReads() {
        Expression expression = compile("status = 'paid' AND (amount > 10 OR AMOUNT IS NULL) AND \"Order Total\" > id");
        assertThat(expression.text()).isEqualTo("status = 'paid' AND (amount > 10 OR AMOUNT IS NULL) AND \"Order Total\" > id");
        assertThat(expression).hasToString(expression.text());
        assertThat(expression.referencedColumns()).containsExactly("status", "amount", "Order Total", "id");
        assertThatThrownBy(() -> expression.referencedColumns().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(compile("1 + 1").referencedColumns()).isEmpty();
    }

    @Test
    void quotedNamesMayHoldAnyCharacter() {
        assertThat(compile("\"Order Total\" > 10").evaluate(row("Order Total", new BigDecimal("10.5")))).isEqualTo(true);
        assertThat(compile("`Order Total` * 2").evaluate(row("Order Total", new BigDecimal("1.5")))).isEqualTo(new BigDecimal("3.0"));
        assertThat(compile("\"say \"\"hi\"\"\" || `a``b`").evaluate(row("say \"hi\"", "hi", "a`b", "!"))).isEqualTo("hi!");
    }

    @Test
    void aHostileNameInQuotesIsJustAName() {
        Expression expression = compile("\"x'; DROP TABLE t; --\" = 'a'");
        assertThat(expression.referencedColumns()).containsExactly("x'; DROP TABLE t; --");
        assertThat(expression.evaluate(row("x'; DROP TABLE t; --", "a"))).isEqualTo(true);
        assertThat(expression.evaluate(row("x'; DROP TABLE t; --", "b"))).isEqualTo(false);
        assertThatThrownBy(() -> compile("x'; DROP TABLE t; --' = 'a'")).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> compile("\"id\" OR 1 = 1 --\"")).isInstanceOf(ExpressionException.class);
    }

    @Test
    void aColumnMissingFromTheRowIsNull() {
        assertThat(compile("amount").evaluate(Map.of())).isNull();
        assertThat(compile("amount IS NULL").evaluate(Map.of())).isEqualTo(true);
    }

    @Test
    void narrowerJavaNumbersAreWidened() {
        assertThat(compile("id + 1").evaluate(row("id", 41))).isEqualTo(42L);
        assertThat(compile("id").evaluate(row("id", (short) 3))).isEqualTo(3L);
        assertThat(compile("ratio").evaluate(row("ratio", 0.5f))).isEqualTo(0.5);
        assertThat(compile("amount").evaluate(row("amount", 7L))).isEqualTo(new BigDecimal("7"));
    }

    @Test
    void aValueOfTheWrongJavaTypeFailsNamingTheColumnNotTheValue() {
        assertThatThrownBy(() -> compile("amount > 0").evaluate(row("amount", "12345.67")))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("expression 'amount > 0' failed at 0: column 'amount' holds a String where its kind DECIMAL"
                        + " needs a BigDecimal")
                .hasMessageNotContaining("12345");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        Expression original = compile("status LIKE 'pa%' AND id IN (1, 2, 3) AND coalesce(amount, 0) * 100 >= 1999"
                + " AND CAST(ratio AS DECIMAL(5,2)) BETWEEN 0 AND 1 AND upper(\"say \"\"hi\"\"\") <> 'X'"
                + " AND updated_at > TIMESTAMP '2024-01-01T00:00:00Z' AND NOT (payload IS NULL)");
        Expression copy = roundTrip(original);
        assertThat(copy.text()).isEqualTo(original.text());
        assertThat(copy.resultKind()).isEqualTo(ValueKind.BOOLEAN);
        assertThat(copy.referencedColumns()).containsExactlyElementsOf(original.referencedColumns());
        Map<String, Object> row = row("status", "paid", "id", 2L, "amount", new BigDecimal("19.99"), "ratio", 0.5,
                "say \"hi\"", "hi", "updated_at", Instant.parse("2024-06-01T00:00:00Z"), "payload", new JsonText("{}"));
        assertThat(copy.evaluate(row)).isEqualTo(true);
        row.put("status", "new");
        assertThat(copy.evaluate(row)).isEqualTo(false);
    }

    @Test
    void aDeserializedExpressionStillFailsCleanly() throws Exception {
        Expression copy = roundTrip(compile("amount / id"));
        assertThatThrownBy(() -> copy.evaluate(row("amount", BigDecimal.ONE, "id", 0L)))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessage("expression 'amount / id' failed at 7: division by zero in '/'");
    }

    private static Expression roundTrip(Expression expression) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(expression);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Expression) in.readObject();
        }
    }

    @Test
    void theRowIsRequired() {
        assertThatThrownBy(() -> compile("1").evaluate(null)).isInstanceOf(NullPointerException.class);
    }
}
