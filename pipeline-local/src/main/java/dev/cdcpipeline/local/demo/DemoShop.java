package dev.cdcpipeline.local.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** Creates the demo's {@code shop} database and its initial rows. */
public final class DemoShop {

    private DemoShop() {}

    /** Creates the schema and writes the initial rows; the same seed gives the same rows. */
    public static void createAndSeed(Connection connection, long seed, int customers, int products, int orders)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : ShopSchema.CREATE.split(";")) {
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
