package dev.cdcpipeline.transform;

import static dev.cdcpipeline.change.ChangeEvents.at;
import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.MaskMethod;
import dev.cdcpipeline.config.Secret;
import dev.cdcpipeline.config.TablePattern;
import dev.cdcpipeline.config.TransformSettings;
import dev.cdcpipeline.functions.Hashing;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.transform.expression.ExpressionEvaluationException;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

class TableTransformTest {

    private static final TableId CUSTOMERS = new TableId("mysql", "shop", "customers");
    private static final SourceTable TABLE = new SourceTable(CUSTOMERS, List.of(
            column("id", "bigint"),
            column("email", "varchar"),
            column("country", "char"),
            column("balance", "decimal"),
            column("signed_up", "datetime"),
            column("notes", "text")), List.of("id"));

    private static SourceColumn column(String name, String type) {
        return new SourceColumn(name, type, false, type.contains("char") ? 100 : 0, type.equals("decimal") ? 12 : 0,
                type.equals("decimal") ? 2 : 0, 0, !name.equals("id"), false);
    }

    private static Map<String, Object> customer(long id, String email, String country, String balance) {
        return row("id", id, "email", email, "country", country, "balance", new BigDecimal(balance),
                "signed_up", LocalDateTime.of(2026, 3, 29, 2, 30), "notes", "internal");
    }

    @Test
    void everyStepAppliesInOrderAndTheSchemaFollows() {
        TableTransform transform = TransformCompiler.compile("transforms[0]", new TransformSettings(
                TablePattern.parse("shop.customers"), null, "country <> 'XX'",
                Map.of("balance_cents", "balance * 100"),
                Map.of("email", MaskMethod.HASH), Secret.of("salt"),
                true, ZoneId.of("Europe/Berlin"), false,
                List.of(), List.of("notes"), Map.of("email", "email_hash")), TABLE);

        ChangeEvent out = transform.apply(insert(customer(7, "jane@example.com", "DE", "19.99"))).change();

        assertThat(out.after()).containsExactly(
                Map.entry("id", 7L),
                Map.entry("email_hash", Hashing.saltedHash("jane@example.com", "salt")),
                Map.entry("country", "DE"),
                Map.entry("balance", new BigDecimal("19.99")),
                // 02:30 does not exist in Berlin on 2026-03-29 (clocks jump to 03:00): java.time moves it forward.
                Map.entry("signed_up", Instant.parse("2026-03-29T01:30:00Z")),
                Map.entry("balance_cents", new BigDecimal("1999.00")));
        assertThat(out.key()).containsExactly(Map.entry("id", 7L));
        assertThat(transform.outputSchema().columns()).extracting(SourceColumn::name)
                .containsExactly("id", "email_hash", "country", "balance", "signed_up", "balance_cents");
        assertThat(transform.outputSchema().columns()).extracting(SourceColumn::dataType)
                .containsExactly("bigint", "varchar", "char", "decimal", "timestamp", "decimal");
    }

    @Test
    void anUpdateThatLeavesTheFilterIsADeleteAndOneThatEntersIsAnInsert() {
        TableTransform transform = compileFilter("country = 'DE'");

        ChangeEvent leaving = transform.apply(update(customer(1, "a@x", "DE", "1.00"), customer(1, "a@x", "FR", "1.00"))).change();
        ChangeEvent entering = transform.apply(update(customer(2, "b@x", "FR", "1.00"), customer(2, "b@x", "DE", "1.00"))).change();
        ChangeEvent staying = transform.apply(update(customer(3, "c@x", "DE", "1.00"), customer(3, "c@x", "DE", "2.00"))).change();

        assertThat(leaving.operation()).isEqualTo(Operation.DELETE);
        assertThat(leaving.before()).containsEntry("country", "DE");
        assertThat(leaving.after()).isNull();
        assertThat(entering.operation()).isEqualTo(Operation.INSERT);
        assertThat(entering.before()).isNull();
        assertThat(entering.after()).containsEntry("country", "DE");
        assertThat(staying.operation()).isEqualTo(Operation.UPDATE);
        assertThat(transform.apply(update(customer(4, "d@x", "FR", "1.00"), customer(4, "d@x", "US", "1.00"))).outcome())
                .isEqualTo(TableTransform.Outcome.FILTERED_OUT);
        assertThat(transform.apply(insert(customer(5, "e@x", null, "1.00"))).outcome())
                .as("NULL is not TRUE: the row does not pass")
                .isEqualTo(TableTransform.Outcome.FILTERED_OUT);
        assertThat(transform.apply(new ChangeEvent(CUSTOMERS, Operation.DELETE, row("id", 6L), customer(6, "f@x", "DE", "1"), null, at(1), 0))
                .change().operation()).isEqualTo(Operation.DELETE);
    }

    @Test
    void anUpdateOfOnlyADroppedColumnIsDroppedAsANoOp() {
        TableTransform transform = TransformCompiler.compile("transforms[0]", settings(null, List.of(), List.of("notes")), TABLE);
        Map<String, Object> before = customer(1, "a@x", "DE", "1.00");
        Map<String, Object> after = new java.util.LinkedHashMap<>(before);
        after.put("notes", "changed");

        assertThat(transform.apply(update(before, after)).outcome()).isEqualTo(TableTransform.Outcome.NO_OP_UPDATE);
    }

    @Test
    void aFailingExpressionThrowsWithoutTheRowValues() {
        TableTransform transform = TransformCompiler.compile("transforms[0]", new TransformSettings(
                TablePattern.parse("shop.customers"), null, null, Map.of("ratio", "100 / (balance - balance)"),
                Map.of(), null, false, ZoneId.of("UTC"), false, List.of(), List.of(), Map.of()), TABLE);

        assertThatThrownBy(() -> transform.apply(insert(customer(1, "secret@example.com", "DE", "5.00"))))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("division by zero")
                .hasMessageNotContaining("secret@example.com");
    }

    @Test
    void decimalsAsTextKeepTheirScaleAndTheColumnBecomesText() {
        TableTransform transform = TransformCompiler.compile("transforms[0]", new TransformSettings(
                TablePattern.parse("shop.customers"), null, null, Map.of(), Map.of("notes", MaskMethod.REDACT), null,
                false, ZoneId.of("UTC"), true, List.of("id", "balance", "notes"), List.of(), Map.of()), TABLE);

        ChangeEvent out = transform.apply(insert(customer(1, "a@x", "DE", "10.50"))).change();

        assertThat(out.after()).containsExactly(Map.entry("id", 1L), Map.entry("balance", "10.50"), Map.entry("notes", "***"));
        assertThat(transform.outputSchema().columns()).extracting(SourceColumn::dataType).containsExactly("bigint", "text", "text");
    }

    @Test
    void problemsNameTheTransformTableAndColumnAllAtOnce() {
        TransformSettings bad = new TransformSettings(TablePattern.parse("shop.customers"), null, "amout > 0",
                Map.of("email", "upper(email)", "total", "country + 1"),
                Map.of("id", MaskMethod.REDACT, "balance", MaskMethod.EMAIL, "phone", MaskMethod.HASH), Secret.of("s"),
                false, ZoneId.of("UTC"), false, List.of(), List.of("id", "nickname"),
                Map.of("country", "_cdc_country", "missing", "x"));

        assertThatThrownBy(() -> TransformCompiler.compile("transforms[2]", bad, TABLE))
                .isInstanceOf(TransformDefinitionException.class)
                .hasMessageContaining("transforms[2] (mysql:shop.customers) filter: unknown column 'amout'")
                .hasMessageContaining("transforms[2] (mysql:shop.customers) computed-columns.email: the table already has a column 'email'")
                .hasMessageContaining("transforms[2] (mysql:shop.customers) computed-columns.total: 'country' is TEXT")
                .hasMessageContaining("mask-columns.id: a primary key column can only be masked with hash")
                .hasMessageContaining("mask-columns.balance: email masking needs a text column")
                .hasMessageContaining("mask-columns.phone: no column 'phone'")
                .hasMessageContaining("drop-columns: no column 'nickname'")
                .hasMessageContaining("drop-columns: primary key column 'id' must stay")
                .hasMessageContaining("column '_cdc_country': names starting with _cdc_ are reserved")
                .hasMessageContaining("rename-columns.missing: no column 'missing'");
    }

    @Test
    void aFilterMustBeACondition() {
        assertThatThrownBy(() -> compileFilter("balance * 2"))
                .hasMessageContaining("filter: expected a condition (TRUE or FALSE), got an expression of type DECIMAL");
    }

    private static TableTransform compileFilter(String filter) {
        return TransformCompiler.compile("transforms[0]", settings(filter, List.of(), List.of()), TABLE);
    }

    private static TransformSettings settings(String filter, List<String> keep, List<String> drop) {
        return new TransformSettings(TablePattern.parse("shop.customers"), null, filter, Map.of(), Map.of(), null,
                false, ZoneId.of("UTC"), false, keep, drop, Map.of());
    }

    private static ChangeEvent insert(Map<String, Object> row) {
        return new ChangeEvent(CUSTOMERS, Operation.INSERT, row("id", row.get("id")), null, row, at(1), 1_700_000_000_000L);
    }

    private static ChangeEvent update(Map<String, Object> before, Map<String, Object> after) {
        return new ChangeEvent(CUSTOMERS, Operation.UPDATE, row("id", after.get("id")), before, after, at(2), 1_700_000_000_000L);
    }
}
