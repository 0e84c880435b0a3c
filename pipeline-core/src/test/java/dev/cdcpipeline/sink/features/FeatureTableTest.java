package dev.cdcpipeline.sink.features;

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

class FeatureTableTest {

    static final SourceTable ORDERS = new SourceTable(new TableId("mysql", "shop", "orders"), List.of(
            column("id", "bigint", 0, 0, 0),
            column("customer_id", "bigint", 0, 0, 0),
            column("amount", "decimal", 10, 2, 0),
            column("status", "varchar", 20, 0, 0),
            column("created_at", "timestamp", 0, 0, 3)), List.of("id"));

    /** {@code customer_orders}: orders (count) and spend (sum of amount) per customer over 1h and 24h. */
    static FeatureView customerOrders() {
        return view("customer_orders", "customer_id", List.of(
                new AggregateSettings("orders", AggregateFunction.COUNT, null),
                new AggregateSettings("spend", AggregateFunction.SUM, "amount")), "1h", "24h");
    }

    static FeatureView view(String name, String entity, List<AggregateSettings> aggregates, String... windows) {
        List<FeatureWindow> parsed = List.of(windows).stream().map(FeatureWindow::parse).toList();
        FeatureViewSettings settings = new FeatureViewSettings(name, new TablePattern("shop", "orders"), null, entity, null,
                ZoneId.of("UTC"), parsed, Duration.ofDays(1), aggregates);
        return new FeatureView(settings, ORDERS, "cdc." + name);
    }

    static SourceColumn column(String name, String type, long lengthOrPrecision, int scale, int fractionalSeconds) {
        boolean decimal = type.equals("decimal");
        return new SourceColumn(name, type, false, decimal ? 0 : lengthOrPrecision, decimal ? (int) lengthOrPrecision : 0,
                scale, fractionalSeconds, true, false);
    }

    @Test
    void latestTableIsKeyedByTheEntityTypedAsTheSourceColumn() {
        FeatureTable latest = FeatureTable.of(customerOrders(), "features", FeatureTable.Kind.LATEST);

        assertThat(latest.name()).isEqualTo("customer_orders_latest");
        assertThat(latest.qualifiedName()).isEqualTo("\"features\".\"customer_orders_latest\"");
        assertThat(latest.createStatement()).isEqualTo("""
                CREATE TABLE IF NOT EXISTS "features"."customer_orders_latest" (
                  "customer_id" bigint NOT NULL,
                  "orders_1h" bigint,
                  "orders_24h" bigint,
                  "spend_1h" numeric,
                  "spend_24h" numeric,
                  "valid_at" timestamptz NOT NULL,
                  "computed_at" timestamptz NOT NULL,
                  "last" boolean NOT NULL,
                  PRIMARY KEY ("customer_id")
                )""");
    }

    @Test
    void historyTableIsKeyedByEntityAndValidAt() {
        FeatureTable history = FeatureTable.of(customerOrders(), "features", FeatureTable.Kind.HISTORY);

        assertThat(history.name()).isEqualTo("customer_orders_history");
        assertThat(history.createStatement()).endsWith("""
                  "last" boolean NOT NULL,
                  PRIMARY KEY ("customer_id", "valid_at")
                )""");
    }

    @Test
    void latestUpsertNeverMovesARowBackInTime() {
        FeatureTable latest = FeatureTable.of(customerOrders(), "features", FeatureTable.Kind.LATEST);

        assertThat(latest.upsertStatement()).isEqualTo("INSERT INTO \"features\".\"customer_orders_latest\" AS target"
                + " (\"customer_id\", \"orders_1h\", \"orders_24h\", \"spend_1h\", \"spend_24h\", \"valid_at\", \"computed_at\", \"last\")"
                + " VALUES (CAST(? AS bigint), CAST(? AS bigint), CAST(? AS bigint), CAST(? AS numeric), CAST(? AS numeric),"
                + " CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS boolean))"
                + " ON CONFLICT (\"customer_id\") DO UPDATE SET \"orders_1h\" = EXCLUDED.\"orders_1h\","
                + " \"orders_24h\" = EXCLUDED.\"orders_24h\", \"spend_1h\" = EXCLUDED.\"spend_1h\","
                + " \"spend_24h\" = EXCLUDED.\"spend_24h\", \"valid_at\" = EXCLUDED.\"valid_at\","
                + " \"computed_at\" = EXCLUDED.\"computed_at\", \"last\" = EXCLUDED.\"last\""
                + " WHERE target.\"valid_at\" < EXCLUDED.\"valid_at\" OR (target.\"valid_at\" = EXCLUDED.\"valid_at\""
                + " AND target.\"computed_at\" <= EXCLUDED.\"computed_at\")");
    }

    @Test
    void historyUpsertReplacesAnInstantOnlyWithALaterComputation() {
        FeatureTable history = FeatureTable.of(customerOrders(), "features", FeatureTable.Kind.HISTORY);

        assertThat(history.upsertStatement())
                .contains(" ON CONFLICT (\"customer_id\", \"valid_at\") DO UPDATE SET \"orders_1h\" = EXCLUDED.\"orders_1h\",")
                .doesNotContain("\"valid_at\" = EXCLUDED.\"valid_at\"")
                .endsWith(" \"computed_at\" = EXCLUDED.\"computed_at\", \"last\" = EXCLUDED.\"last\""
                        + " WHERE target.\"computed_at\" <= EXCLUDED.\"computed_at\"")
                .doesNotContainIgnoringCase("delete");
    }

    @Test
    void quotesEveryIdentifier() {
        FeatureView view = view("odd", "customer_id", List.of(new AggregateSettings("orders", AggregateFunction.COUNT, null)), "1h");
        FeatureTable latest = FeatureTable.of(view, "my \"schema\"", FeatureTable.Kind.LATEST);

        assertThat(latest.qualifiedName()).isEqualTo("\"my \"\"schema\"\"\".\"odd_latest\"");
        assertThat(latest.addMissingFeatureColumnStatements())
                .containsExactly("ALTER TABLE \"my \"\"schema\"\"\".\"odd_latest\" ADD COLUMN IF NOT EXISTS \"orders_1h\" bigint");
    }

    @Test
    void refusesNamesPostgresWouldCutShort() {
        String longName = "v".repeat(56);
        FeatureView view = view(longName, "customer_id", List.of(new AggregateSettings("orders", AggregateFunction.COUNT, null)), "1h");

        assertThat(FeatureTable.of(view, "features", FeatureTable.Kind.LATEST).name()).hasSize(63);
        assertThatThrownBy(() -> FeatureTable.of(view, "features", FeatureTable.Kind.HISTORY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(longName + "_history");
    }

    @Test
    void refusesAFeatureNamedLikeAMetadataColumn() {
        SourceTable table = new SourceTable(ORDERS.id(), List.of(column("id", "bigint", 0, 0, 0),
                column("valid_at", "bigint", 0, 0, 0)), List.of("id"));
        FeatureViewSettings settings = new FeatureViewSettings("clash", new TablePattern("shop", "orders"), null, "valid_at",
                null, ZoneId.of("UTC"), List.of(FeatureWindow.parse("1h")), Duration.ofHours(1),
                List.of(new AggregateSettings("orders", AggregateFunction.COUNT, null)));

        assertThatThrownBy(() -> FeatureTable.of(new FeatureView(settings, table, "t"), "features"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'valid_at'");
    }
}
