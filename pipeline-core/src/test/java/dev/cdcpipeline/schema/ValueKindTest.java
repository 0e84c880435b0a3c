package dev.cdcpipeline.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.cdcpipeline.change.JsonText;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ValueKindTest {

    private static SourceColumn column(String dataType) {
        return new SourceColumn("c", dataType, false, 0, 0, 0, 0, true, false);
    }

    private static SourceColumn unsigned(String dataType) {
        return new SourceColumn("c", dataType, true, 0, 0, 0, 0, true, false);
    }

    private static SourceColumn bits(int count) {
        return new SourceColumn("c", "bit", false, 0, count, 0, 0, true, false);
    }

    @Test
    void integersThatFitALongAreIntegerAndBigintUnsignedIsDecimal() {
        for (String type : List.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year")) {
            assertThat(ValueKind.of(column(type))).as(type).isEqualTo(ValueKind.INTEGER);
        }
        assertThat(ValueKind.of(unsigned("int"))).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of(unsigned("bigint"))).isEqualTo(ValueKind.DECIMAL);
    }

    @Test
    void mapsEveryOtherSourceTypeToTheKindOfItsJavaValue() {
        assertThat(ValueKind.of(column("decimal"))).isEqualTo(ValueKind.DECIMAL);
        assertThat(ValueKind.of(column("numeric"))).isEqualTo(ValueKind.DECIMAL);
        assertThat(ValueKind.of(column("float"))).isEqualTo(ValueKind.DOUBLE);
        assertThat(ValueKind.of(column("double"))).isEqualTo(ValueKind.DOUBLE);
        assertThat(ValueKind.of(column("real"))).isEqualTo(ValueKind.DOUBLE);
        assertThat(ValueKind.of(column("boolean"))).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of(column("bool"))).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of(bits(1))).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of(bits(8))).isEqualTo(ValueKind.BYTES);
        for (String type : List.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "uuid")) {
            assertThat(ValueKind.of(column(type))).as(type).isEqualTo(ValueKind.TEXT);
        }
        assertThat(ValueKind.of(column("json"))).isEqualTo(ValueKind.JSON);
        for (String type : List.of("binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob")) {
            assertThat(ValueKind.of(column(type))).as(type).isEqualTo(ValueKind.BYTES);
        }
        assertThat(ValueKind.of(column("date"))).isEqualTo(ValueKind.DATE);
        assertThat(ValueKind.of(column("time"))).isEqualTo(ValueKind.TIME);
        assertThat(ValueKind.of(column("datetime"))).isEqualTo(ValueKind.DATETIME);
        assertThat(ValueKind.of(column("timestamp"))).isEqualTo(ValueKind.TIMESTAMP);
    }

    @Test
    void anArrayColumnIsAnArrayWhateverItsElements() {
        assertThat(ValueKind.of(new SourceColumn("tags", "text", false, 0, 0, 0, 0, true, true))).isEqualTo(ValueKind.ARRAY);
    }

    @Test
    void anUnknownTypeIsRefusedNamingTheColumnAndType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ValueKind.of(new SourceColumn("shape", "geometry", false, 0, 0, 0, 0, true, false)))
                .withMessageContaining("shape").withMessageContaining("geometry");
    }

    @Test
    void knowsTheJavaTypeOfEachKind() {
        assertThat(ValueKind.INTEGER.javaType()).isEqualTo(Long.class);
        assertThat(ValueKind.DECIMAL.javaType()).isEqualTo(BigDecimal.class);
        assertThat(ValueKind.DOUBLE.javaType()).isEqualTo(Double.class);
        assertThat(ValueKind.BOOLEAN.javaType()).isEqualTo(Boolean.class);
        assertThat(ValueKind.TEXT.javaType()).isEqualTo(String.class);
        assertThat(ValueKind.JSON.javaType()).isEqualTo(JsonText.class);
        assertThat(ValueKind.BYTES.javaType()).isEqualTo(byte[].class);
        assertThat(ValueKind.DATE.javaType()).isEqualTo(LocalDate.class);
        assertThat(ValueKind.TIME.javaType()).isEqualTo(LocalTime.class);
        assertThat(ValueKind.DATETIME.javaType()).isEqualTo(LocalDateTime.class);
        assertThat(ValueKind.TIMESTAMP.javaType()).isEqualTo(Instant.class);
        assertThat(ValueKind.ARRAY.javaType()).isEqualTo(List.class);
    }

    @Test
    void numbersAreNumericAndOrderedKindsAreComparable() {
        assertThat(ValueKind.values()).filteredOn(ValueKind::numeric)
                .containsExactly(ValueKind.INTEGER, ValueKind.DECIMAL, ValueKind.DOUBLE);
        assertThat(ValueKind.values()).filteredOn(kind -> !kind.comparable())
                .containsExactly(ValueKind.JSON, ValueKind.BYTES, ValueKind.ARRAY);
    }

    @Test
    void aComputedColumnGetsADataTypeThatKeepsEveryValue() {
        assertThat(ValueKind.INTEGER.asColumn("n", false)).isEqualTo(new SourceColumn("n", "bigint", false, 0, 0, 0, 0, false, false));
        assertThat(ValueKind.DECIMAL.asColumn("n", true)).isEqualTo(new SourceColumn("n", "decimal", false, 0, 0, 0, 0, true, false));
        assertThat(ValueKind.DOUBLE.asColumn("n", true).dataType()).isEqualTo("double");
        assertThat(ValueKind.BOOLEAN.asColumn("n", true).dataType()).isEqualTo("boolean");
        assertThat(ValueKind.TEXT.asColumn("n", true).dataType()).isEqualTo("text");
        assertThat(ValueKind.JSON.asColumn("n", true).dataType()).isEqualTo("json");
        assertThat(ValueKind.BYTES.asColumn("n", true).dataType()).isEqualTo("blob");
        assertThat(ValueKind.DATE.asColumn("n", true).dataType()).isEqualTo("date");
        assertThat(ValueKind.TIME.asColumn("n", true)).isEqualTo(new SourceColumn("n", "time", false, 0, 0, 0, 6, true, false));
        assertThat(ValueKind.DATETIME.asColumn("n", true).fractionalSeconds()).isEqualTo(6);
        assertThat(ValueKind.TIMESTAMP.asColumn("n", true).dataType()).isEqualTo("timestamp");
        assertThat(ValueKind.TIMESTAMP.asColumn("n", true).fractionalSeconds()).isEqualTo(6);
    }

    @Test
    void aComputedColumnMapsBackToItsOwnKind() {
        for (ValueKind kind : ValueKind.values()) {
            if (kind != ValueKind.ARRAY) {
                assertThat(ValueKind.of(kind.asColumn("n", true))).as(kind.name()).isEqualTo(kind);
            }
        }
    }

    @Test
    void aComputedArrayIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ValueKind.ARRAY.asColumn("tags", true))
                .withMessageContaining("tags").withMessageContaining("array");
    }
}
