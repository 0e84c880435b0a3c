package dev.cdcpipeline.local.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** Creates the demo's {@code shop} database and its initial rows. */
public final class DemoShop {

    private DemoShop() {}

    /**
     * Creates the schema and writes the initial rows; the same seed gives the same rows. Works on
     * MariaDB/MySQL and on PostgreSQL (a connection to the database that gets the {@code shop} schema).
     */
    public static void createAndSeed(Connection connection, long seed, int customers, int products, int orders)
            throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        try (Statement statement = connection.createStatement()) {
            for (String ddl : (postgres ? ShopSchema.CREATE_POSTGRES : ShopSchema.CREATE).split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        new ShopData(connection, new Random(seed)).seed(customers, products, orders);
        connection.commit();
        connection.setAutoCommit(autoCommit);
    }
}
