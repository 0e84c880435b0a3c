package dev.cdcpipeline.sink.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which column defaults, as each catalog prints them, are constants the warehouse can copy. */
class ConstantDefaultsTest {

    @Test
    void mariaDbQuotesTextAndPrintsNumbersAndFunctionsAsSql() {
        assertThat(ConstantDefaults.mariaDb("'new'")).contains("new");
        assertThat(ConstantDefaults.mariaDb("'it''s'")).contains("it's");
        assertThat(ConstantDefaults.mariaDb("''")).contains("");
        assertThat(ConstantDefaults.mariaDb("42")).contains("42");
        assertThat(ConstantDefaults.mariaDb("-1.50")).contains("-1.50");
        assertThat(ConstantDefaults.mariaDb("NULL")).isEmpty();
        assertThat(ConstantDefaults.mariaDb(null)).isEmpty();
        assertThat(ConstantDefaults.mariaDb("current_timestamp()")).isEmpty();
        assertThat(ConstantDefaults.mariaDb("uuid()")).isEmpty();
        assertThat(ConstantDefaults.mariaDb("'a\\nb'")).as("escapes are not trusted").isEmpty();
    }

    @Test
    void mySqlPrintsTheValueItselfAndMarksExpressions() {
        assertThat(ConstantDefaults.mySql("new", "")).contains("new");
        assertThat(ConstantDefaults.mySql("0.00", "")).contains("0.00");
        assertThat(ConstantDefaults.mySql("CURRENT_TIMESTAMP", "DEFAULT_GENERATED")).isEmpty();
        assertThat(ConstantDefaults.mySql("CURRENT_TIMESTAMP", "")).isEmpty();
        assertThat(ConstantDefaults.mySql(null, "")).isEmpty();
    }

    @Test
    void postgresPrintsLiteralsWithTheirCasts() {
        assertThat(ConstantDefaults.postgres("'new'::character varying")).contains("new");
        assertThat(ConstantDefaults.postgres("'it''s'::text")).contains("it's");
        assertThat(ConstantDefaults.postgres("'{}'::jsonb")).contains("{}");
        assertThat(ConstantDefaults.postgres("'-5'::integer")).contains("-5");
        assertThat(ConstantDefaults.postgres("42")).contains("42");
        assertThat(ConstantDefaults.postgres("(-1.5)")).contains("-1.5");
        assertThat(ConstantDefaults.postgres("0.00")).contains("0.00");
        assertThat(ConstantDefaults.postgres("true")).contains("true");
        assertThat(ConstantDefaults.postgres("now()")).isEmpty();
        assertThat(ConstantDefaults.postgres("CURRENT_TIMESTAMP")).isEmpty();
        assertThat(ConstantDefaults.postgres("nextval('orders_id_seq'::regclass)")).isEmpty();
        assertThat(ConstantDefaults.postgres("NULL::character varying")).isEmpty();
        assertThat(ConstantDefaults.postgres("(1 + 2)")).isEmpty();
    }

    @Test
    void theWarehouseDefaultIsAQuotedValueCastToTheColumnsType() {
        assertThat(ConstantDefaults.sql("it's'); DROP TABLE x; --", ColumnType.parse("varchar(40)")))
                .isEqualTo("CAST('it''s''); DROP TABLE x; --' AS varchar(40))");
        assertThat(ConstantDefaults.sql("42", ColumnType.parse("integer"))).isEqualTo("CAST('42' AS integer)");
    }
}
