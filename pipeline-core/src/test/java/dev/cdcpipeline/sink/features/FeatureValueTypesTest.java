package dev.cdcpipeline.sink.features;

import static dev.cdcpipeline.sink.features.FeatureTableTest.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.FeatureWindow;
import dev.cdcpipeline.config.TablePattern;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

class FeatureValueTypesTest {

    private static final SourceTable READINGS = new SourceTable(new TableId("mysql", "plant", "readings"), List.of(
            column("id", "bigint", 0, 0, 0),
            column("sensor", "varchar", 40, 0, 0),
            column("small", "smallint", 0, 0, 0),
            column("count_u", "int", 0, 0, 0),
            new SourceColumn("huge", "bigint", true, 0, 0, 0, 0, true, false),
            column("price", "decimal", 12, 4, 0),
            column("temperature", "double", 0, 0, 0),
            column("ratio", "float", 0, 0, 0),
            column("seen_at", "timestamp", 0, 0, 3),
            column("local_at", "datetime", 0, 0, 6),
            column("label", "varchar", 20, 0, 0)), List.of("id"));

    @Test
    void countsAreBigint() {
        assertThat(type(AggregateFunction.COUNT, null)).isEqualTo("bigint");
        assertThat(type(AggregateFunction.COUNT, "label")).isEqualTo("bigint");
        assertThat(type(AggregateFunction.COUNT_DISTINCT, "label")).isEqualTo("bigint");
    }

    @Test
    void sumsKeepTheKindOfTheirColumnWithoutItsPrecision() {
        assertThat(type(AggregateFunction.SUM, "small")).isEqualTo("bigint");
        assertThat(type(AggregateFunction.SUM, "count_u")).isEqualTo("bigint");
        // BIGINT UNSIGNED values are decimals: they do not fit a long.
        assertThat(type(AggregateFunction.SUM, "huge")).isEqualTo("numeric");
        assertThat(type(AggregateFunction.SUM, "price")).isEqualTo("numeric");
        assertThat(type(AggregateFunction.SUM, "temperature")).isEqualTo("double precision");
        assertThat(type(AggregateFunction.SUM, "ratio")).isEqualTo("double precision");
    }

    @Test
    void averagesAreExactExceptOverFloatingPoint() {
        assertThat(type(AggregateFunction.AVG, "small")).isEqualTo("numeric");
        assertThat(type(AggregateFunction.AVG, "price")).isEqualTo("numeric");
        assertThat(type(AggregateFunction.AVG, "temperature")).isEqualTo("double precision");
    }

    @Test
    void minMaxAndLatestHaveTheColumnsOwnType() {
        assertThat(type(AggregateFunction.MIN, "price")).isEqualTo("numeric(12,4)");
        assertThat(type(AggregateFunction.MAX, "seen_at")).isEqualTo("timestamptz(3)");
        assertThat(type(AggregateFunction.MAX, "local_at")).isEqualTo("timestamp(6)");
        assertThat(type(AggregateFunction.LATEST, "label")).isEqualTo("varchar(20)");
        assertThat(type(AggregateFunction.LATEST, "count_u")).isEqualTo("integer");
    }

    @Test
    void refusesASumOverText() {
        assertThatThrownBy(() -> type(AggregateFunction.SUM, "label"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label").hasMessageContaining("not numeric");
    }

    private static String type(AggregateFunction function, String column) {
        FeatureViewSettings settings = new FeatureViewSettings("sensors", new TablePattern("plant", "readings"), null, "sensor",
                null, ZoneId.of("UTC"), List.of(FeatureWindow.parse("1h")), Duration.ofHours(1),
                List.of(new AggregateSettings("value", function, column)));
        FeatureView view = new FeatureView(settings, READINGS, null);
        return FeatureValueTypes.of(view, view.featureColumns().get(0));
    }
}
