package dev.cdcpipeline.sink.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Types as the pipeline writes them and as PostgreSQL prints them compare equal; which changes are safe widenings. */
class ColumnTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "character varying(20)          | varchar(20)",
            "character varying              | varchar",
            "timestamp(3) without time zone | timestamp(3)",
            "timestamp without time zone    | timestamp(6)",
            "timestamp(0) with time zone    | timestamptz(0)",
            "time(6) without time zone      | time(6)",
            "numeric(20,0)                  | numeric(20,0)",
            "numeric                        | numeric",
            "double precision               | double precision",
            "text[]                         | text[]",
            "character varying(5)[]         | varchar(5)[]",
            "jsonb                          | jsonb",
            "character(5)                   | character(5)"})
    void readsPostgresNamesAsThePipelineWritesThem(String printed, String written) {
        assertThat(ColumnType.parse(printed)).isEqualTo(ColumnType.parse(written));
        assertThat(ColumnType.parse(printed).sql()).isEqualTo(written);
    }

    /** warehouse type | source type now | the type that holds both, or none when no safe widening exists. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "smallint        | integer         | integer",
            "integer         | bigint          | bigint",
            "bigint          | integer         | bigint",
            "integer         | numeric(20,0)   | numeric(20,0)",
            "bigint          | numeric(10,2)   | numeric(21,2)",
            "smallint        | numeric         | numeric",
            "numeric(10,2)   | numeric(12,2)   | numeric(12,2)",
            "numeric(10,2)   | numeric(10,4)   | numeric(12,4)",
            "numeric(10,4)   | numeric(8,2)    | numeric(10,4)",
            "real            | double precision| double precision",
            "varchar(20)     | varchar(50)     | varchar(50)",
            "varchar(50)     | varchar(20)     | varchar(50)",
            "varchar(20)     | text            | text",
            "varchar(20)     | varchar         | varchar",
            "integer         | text            | text",
            "jsonb           | text            | text",
            "timestamp(0)    | timestamp(6)    | timestamp(6)",
            "timestamptz(3)  | timestamptz(6)  | timestamptz(6)",
            "integer         | varchar(10)     | none",
            "varchar(10)     | integer         | none",
            "bigint          | double precision| none",
            "integer         | real            | none",
            "timestamp(6)    | timestamptz(6)  | none",
            "date            | timestamp(0)    | none",
            "boolean         | smallint        | none",
            "text            | integer         | text"})
    void widensOnlyToATypeThatHoldsEveryValueOfBoth(String warehouse, String source, String union) {
        assertThat(ColumnType.union(ColumnType.parse(warehouse), ColumnType.parse(source)).map(ColumnType::sql).orElse(null))
                .isEqualTo(union);
    }

    @Test
    void aNumericBeyondPostgresPrecisionBecomesUnconstrained() {
        assertThat(ColumnType.union(ColumnType.parse("numeric(1000,0)"), ColumnType.parse("numeric(10,5)")))
                .contains(ColumnType.parse("numeric"));
    }
}
