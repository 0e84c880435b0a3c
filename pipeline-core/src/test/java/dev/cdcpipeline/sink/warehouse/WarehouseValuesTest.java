package dev.cdcpipeline.sink.warehouse;

import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Values checked against the warehouse column's type before they are written; reasons name no value. */
class WarehouseValuesTest {

    @Test
    void integersMustBeInTheRangeOfTheirColumn() {
        assertThat(why(32_767L, "smallint")).isEmpty();
        assertThat(why(-32_768L, "smallint")).isEmpty();
        assertThat(why(32_768L, "smallint")).contains("is outside the range of smallint");
        assertThat(why(2_147_483_647L, "integer")).isEmpty();
        assertThat(why(2_147_483_648L, "integer")).contains("is outside the range of integer");
        assertThat(why(-2_147_483_649L, "integer")).contains("is outside the range of integer");
        assertThat(why(Long.MAX_VALUE, "bigint")).isEmpty();
        assertThat(why(new BigDecimal("9223372036854775808"), "bigint")).contains("is outside the range of bigint");
        assertThat(why(new BigDecimal("12.5"), "integer")).contains("is outside the range of integer");
    }

    @Test
    void decimalsMustKeepTheirIntegerAndFractionDigits() {
        assertThat(why(new BigDecimal("12345678.99"), "numeric(10,2)")).isEmpty();
        assertThat(why(new BigDecimal("5.10000"), "numeric(10,2)")).as("trailing zeros are no digits").isEmpty();
        assertThat(why(new BigDecimal("0.0000"), "numeric(2,2)")).isEmpty();
        assertThat(why(new BigDecimal("123456789.5"), "numeric(10,2)")).contains("has more integer digits than numeric(10,2) holds");
        assertThat(why(new BigDecimal("1.125"), "numeric(10,2)"))
                .contains("has more fraction digits than numeric(10,2) keeps (PostgreSQL would round it)");
        assertThat(why(12_345_678_901L, "numeric(10,0)")).contains("has more integer digits than numeric(10,0) holds");
        assertThat(why(new BigDecimal("1e40"), "numeric")).isEmpty();
    }

    @Test
    void textMustFitItsLengthInCharactersNotBytes() {
        assertThat(why("\u00e9\u00e9\u00e9", "varchar(3)")).isEmpty();
        assertThat(why("\ud83d\ude00\ud83d\ude00", "varchar(2)")).as("two code points").isEmpty();
        assertThat(why("abcd", "varchar(3)")).contains("is longer than varchar(3) holds");
        assertThat(why("abcd".repeat(1000), "text")).isEmpty();
    }

    @Test
    void floatsAndFractionalSecondsMustNotLoseDigits() {
        assertThat(why((double) 1.5f, "real")).isEmpty();
        assertThat(why((double) 0.1f, "real")).as("a float from the binlog, widened").isEmpty();
        assertThat(why(0.1, "real")).as("a float from the snapshot, as its shortest decimal").isEmpty();
        assertThat(why(0.123456789012, "real")).contains("needs double precision; real would lose digits");
        assertThat(why(1e39, "real")).contains("needs double precision; real would lose digits");
        assertThat(why(0.1, "double precision")).isEmpty();
        assertThat(why(LocalDateTime.parse("2026-01-01T10:00:00.123"), "timestamp(3)")).isEmpty();
        assertThat(why(LocalDateTime.parse("2026-01-01T10:00:00.1234"), "timestamp(3)"))
                .contains("has more fractional-second digits than timestamp(3) keeps (PostgreSQL would round it)");
        assertThat(why(Instant.parse("2026-01-01T10:00:00.5Z"), "timestamptz(0)")).isPresent();
        assertThat(why(LocalTime.parse("10:00:00.000001"), "time(6)")).isEmpty();
    }

    @Test
    void theRowsColumnsThatDoNotFitAreNamedWithWhy() {
        LiveTable table = new LiveTable("s", "t", List.of(
                new LiveColumn("id", ColumnType.parse("integer"), true, null, true),
                new LiveColumn("code", ColumnType.parse("varchar(2)"), false, null, false),
                new LiveColumn("qty", ColumnType.parse("smallint"), false, null, false)));

        assertThat(WarehouseValues.notFitting(row("id", 1L, "code", "abc", "qty", 99_999L, "extra", 1L), table))
                .containsExactly(Map.entry("code", "is longer than varchar(2) holds"),
                        Map.entry("qty", "is outside the range of smallint"));
        assertThat(WarehouseValues.notFitting(row("id", 1L, "code", null), table)).isEmpty();
    }

    @Test
    void aNullForANotNullColumnCannotBeStoredButAnAbsentColumnIsNotANull() {
        LiveTable table = new LiveTable("s", "t", List.of(
                new LiveColumn("id", ColumnType.parse("integer"), true, null, true),
                new LiveColumn("status", ColumnType.parse("text"), true, null, false)));

        assertThat(WarehouseValues.problemOf(row("id", 1L, "status", null), table)).contains(
                "column 'status' is NOT NULL in the warehouse table \"s\".\"t\", and the change has no value for it;"
                        + " the warehouse row keeps its previous version");
        assertThat(WarehouseValues.problemOf(row("id", 1L), table)).isEmpty();
        assertThat(WarehouseValues.problemOf(row("id", 1L, "status", "a\u0000"), table).orElseThrow()).contains("NUL character");
    }

    @Test
    void reasonsNeverQuoteTheValue() {
        String secret = "s3cr3t-value-" + "x".repeat(40);
        assertThat(why(secret, "varchar(10)").orElseThrow()).doesNotContain(secret).doesNotContain("s3cr3t");
        assertThat(Arrays.asList(why(new BigDecimal("987654321.123"), "numeric(5,2)").orElseThrow().split(" ")))
                .noneMatch(word -> word.contains("987654321"));
    }

    private static Optional<String> why(Object value, String type) {
        return WarehouseValues.whyNotFitting(value, ColumnType.parse(type));
    }
}
