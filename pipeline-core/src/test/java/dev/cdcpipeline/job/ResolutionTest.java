package dev.cdcpipeline.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.FeatureWindow;
import dev.cdcpipeline.config.PipelineConfigException;
import dev.cdcpipeline.config.TablePattern;
import dev.cdcpipeline.config.TransformSettings;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.transform.TableTransform;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Transforms and feature views checked against the captured tables before the job starts. */
class ResolutionTest {

    private static final SourceTable ORDERS = table(new TableId("mysql", "shop", "orders"),
            column("id", "bigint"), column("customer_id", "bigint"), column("amount", "decimal"),
            column("status", "varchar"), column("ordered_at", "datetime"), column("payload", "json"));
    private static final SourceTable PG_ORDERS = table(new TableId("postgres", "shop", "orders"),
            column("id", "bigint"), column("customer_id", "bigint"));

    @Test
    void aTransformMustMatchATableAndATableTakesOneTransform() {
        TransformSettings orders = transform("shop.orders", null);
        TransformSettings nothing = transform("crm.\\.*", null);

        assertThatThrownBy(() -> TransformResolution.resolve(List.of(orders, nothing, orders), List.of(ORDERS, PG_ORDERS)))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("transforms[1].source-table: 'crm.\\.*' matches none of the captured tables")
                .hasMessageContaining("transforms[2]: table mysql:shop.orders is already transformed by transforms[0]");
    }

    @Test
    void aTransformLimitedToOneSourceLeavesTheOtherSourcesTableAlone() {
        Map<TableId, TableTransform> transforms =
                TransformResolution.resolve(List.of(transform("shop.orders", "postgres")), List.of(ORDERS, PG_ORDERS));

        assertThat(transforms).containsOnlyKeys(PG_ORDERS.id());
        assertThat(TransformResolution.outputTables(List.of(ORDERS, PG_ORDERS), transforms).get(1).columns())
                .extracting(SourceColumn::name).containsExactly("id");
        assertThat(TransformResolution.outputTables(List.of(ORDERS, PG_ORDERS), transforms).get(0)).isSameAs(ORDERS);
    }

    @Test
    void aFeatureViewGetsItsTableAndTopic() {
        List<FeatureView> views = FeatureViewResolution.resolve(List.of(view("shop.orders", "mysql", "customer_id",
                "ordered_at", new AggregateSettings("spend", AggregateFunction.SUM, "amount"))), List.of(ORDERS, PG_ORDERS),
                "shop.features.{view}");

        assertThat(views.get(0).table()).isSameAs(ORDERS);
        assertThat(views.get(0).topic()).isEqualTo("shop.features.orders_by_customer");
        assertThat(views.get(0).featureColumns()).extracting(column -> column.name()).containsExactly("spend_1h", "spend_24h");
    }

    @Test
    void featureViewProblemsNameTheViewTableAndColumn() {
        assertThatThrownBy(() -> FeatureViewResolution.resolve(List.of(
                view("shop.orders", null, "customer_id", null, count()),
                view("shop.orders", "mysql", "payload", "status",
                        new AggregateSettings("spend", AggregateFunction.SUM, "status"),
                        new AggregateSettings("top", AggregateFunction.MAX, "payload"),
                        new AggregateSettings("valid", AggregateFunction.LATEST, "amout"))), List.of(ORDERS, PG_ORDERS), null))
                .isInstanceOf(PipelineConfigException.class)
                .hasMessageContaining("features[0].source-table: expected exactly one captured table, 'shop.orders' matches"
                        + " [mysql:shop.orders, postgres:shop.orders] (add source: or name one table)")
                .hasMessageContaining("features[1] (orders_by_customer on mysql:shop.orders) entity: column 'payload' is JSON")
                .hasMessageContaining("event-time: column 'status' is TEXT; expected DATE, DATETIME or TIMESTAMP")
                .hasMessageContaining("aggregates.spend: sum needs a numeric column, 'status' is TEXT")
                .hasMessageContaining("aggregates.top: max needs a column whose values are ordered, 'payload' is JSON")
                .hasMessageContaining("aggregates.valid.column: no column 'amout'");
    }

    private static AggregateSettings count() {
        return new AggregateSettings("orders", AggregateFunction.COUNT, null);
    }

    private static FeatureViewSettings view(String table, String source, String entity, String eventTime,
            AggregateSettings... aggregates) {
        return new FeatureViewSettings("orders_by_customer", TablePattern.parse(table), source, entity, eventTime,
                ZoneId.of("UTC"), List.of(FeatureWindow.parse("1h"), FeatureWindow.parse("24h")), Duration.ofHours(24),
                List.of(aggregates));
    }

    private static TransformSettings transform(String table, String source) {
        return new TransformSettings(TablePattern.parse(table), source, null, Map.of(), Map.of(), null, false,
                ZoneId.of("UTC"), false, List.of("id"), List.of(), Map.of());
    }

    private static SourceTable table(TableId id, SourceColumn... columns) {
        return new SourceTable(id, List.of(columns), List.of("id"));
    }

    private static SourceColumn column(String name, String type) {
        return new SourceColumn(name, type, false, 0, type.equals("decimal") ? 12 : 0, type.equals("decimal") ? 2 : 0, 0, true, false);
    }
}
