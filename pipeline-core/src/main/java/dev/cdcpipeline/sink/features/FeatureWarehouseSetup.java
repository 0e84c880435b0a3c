package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.sink.warehouse.SqlIdentifiers;
import dev.cdcpipeline.sink.warehouse.WarehouseSchemaSetup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the warehouse schema and the feature views' tables that are missing, before the job
 * starts, and adds the feature columns an existing table lacks (a view that gained an aggregate or
 * a window). It changes no existing column: a feature whose type changed needs its table dropped.
 */
public final class FeatureWarehouseSetup {

    private FeatureWarehouseSetup() {}

    public static void createMissingTables(WarehouseSettings warehouse, List<FeatureView> views) {
        List<FeatureTable> tables = views.stream().flatMap(view -> FeatureTable.of(view, warehouse.schema()).stream()).toList();
        // The driver itself, not DriverManager: see WarehouseSchemaSetup.open.
        try (Connection connection = WarehouseSchemaSetup.open(warehouse);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(warehouse.schema()));
            for (FeatureTable table : tables) {
                statement.execute(table.createStatement());
                for (String addColumn : table.addMissingFeatureColumnStatements()) {
                    statement.execute(addColumn);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the feature tables in " + WarehouseSchemaSetup.describe(warehouse.url())
                    + " (schema " + warehouse.schema() + ") as user '" + warehouse.username() + "': " + e.getMessage(), e);
        }
    }
}
