package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvents;
import dev.cdcpipeline.config.AggregateFunction;
import dev.cdcpipeline.config.AggregateSettings;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.config.FeatureWindow;
import dev.cdcpipeline.config.TablePattern;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Feature views over a small orders table, for tests: windows 1h and 24h, every aggregate function. */
final class OrderViews {

    static final String VIEW = "customer_orders";

    static final SourceTable ORDERS = new SourceTable(ChangeEvents.ORDERS, List.of(
            column("id", "bigint", 0, 0),
            column("customer", "varchar", 0, 0),
            column("amount", "decimal", 10, 2),
            column("quantity", "int", 0, 0),
            column("ratio", "double", 0, 0),
            column("status", "varchar", 0, 0),
            column("product", "varchar", 0, 0),
            column("created_at", "datetime", 0, 0)),
            List.of("id"));

    /** Every function; over decimals, integers and text. */
    static final List<AggregateSettings> ALL_FUNCTIONS = List.of(
            new AggregateSettings("orders", AggregateFunction.COUNT, null),
            new AggregateSettings("priced", AggregateFunction.COUNT, "amount"),
            new AggregateSettings("spend", AggregateFunction.SUM, "amount"),
            new AggregateSettings("avg_amount", AggregateFunction.AVG, "amount"),
            new AggregateSettings("items", AggregateFunction.SUM, "quantity"),
            new AggregateSettings("avg_items", AggregateFunction.AVG, "quantity"),
            new AggregateSettings("smallest", AggregateFunction.MIN, "amount"),
            new AggregateSettings("largest", AggregateFunction.MAX, "amount"),
            new AggregateSettings("status", AggregateFunction.LATEST, "status"),
            new AggregateSettings("products", AggregateFunction.COUNT_DISTINCT, "product"));

    static final Duration ALLOWED_LATENESS = Duration.ofHours(2);

    private OrderViews() {}

    /** By customer, at created_at (UTC), windows 1h and 24h, 2h allowed lateness, every function. */
    static FeatureView customerOrders() {
        return view("created_at", ALLOWED_LATENESS, ALL_FUNCTIONS);
    }

    static FeatureView view(String eventTimeColumn, Duration allowedLateness, List<AggregateSettings> aggregates) {
        FeatureViewSettings settings = new FeatureViewSettings(VIEW, TablePattern.parse("shop.orders"), null, "customer",
                eventTimeColumn, ZoneId.of("UTC"), List.of(FeatureWindow.parse("1h"), FeatureWindow.parse("24h")),
                allowedLateness, aggregates);
        return new FeatureView(settings, ORDERS, null);
    }

    private static SourceColumn column(String name, String type, int precision, int scale) {
        return new SourceColumn(name, type, false, 0, precision, scale, 0, true, false);
    }
}
