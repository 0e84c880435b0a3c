package dev.cdcpipeline.local.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes rows of the shop: the initial data and the generator's changes. Each method is one
 * statement, committed on its own (auto-commit), as an application would.
 */
final class ShopData {

    private static final String[] FIRST_NAMES = {
        "Zoë", "Łukasz", "Søren", "José", "Ana", "李娜", "Αλέξανδρος", "Đorđe", "Priya", "Noah", "Chloé", "Mats"
    };
    private static final String[] LAST_NAMES = {
        "Müller", "Ñúñez", "O'Brien", "Kowalski", "Andersen", "王", "Παπαδόπουλος", "Smith", "Dubois", "Tanaka 🚀"
    };
    private static final String[] TIERS = {"bronze", "silver", "gold"};
    private static final String[] STATUSES = {"new", "paid", "shipped", "cancelled"};
    /** A moment of the generated TIMESTAMP values: a fixed epoch keeps runs comparable. */
    private static final Instant EPOCH = Instant.parse("2024-03-31T00:00:00Z");

    private final Connection connection;
    private final Random random;
    private final List<Long> customerIds = new ArrayList<>();
    private final List<Long> productIds = new ArrayList<>();
    private final List<Long> orderIds = new ArrayList<>();
    /** Update times start now: later than every time the rows were seeded with. */
    private final Instant updateClock = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private long updates;

    ShopData(Connection connection, Random random) {
        this.connection = connection;
        this.random = random;
    }

    /** Continues from the rows already in the shop, e.g. those {@link #seed} wrote. */
    static ShopData resume(Connection connection, Random random) throws SQLException {
        ShopData shop = new ShopData(connection, random);
        shop.loadIds("SELECT id FROM shop.customers", shop.customerIds);
        shop.loadIds("SELECT id FROM shop.products", shop.productIds);
        shop.loadIds("SELECT id FROM shop.orders", shop.orderIds);
        if (shop.customerIds.isEmpty() || shop.productIds.isEmpty() || shop.orderIds.isEmpty()) {
            throw new IllegalStateException("The shop has no rows to change: seed it first");
        }
        return shop;
    }

    int roll(int sides) {
        return random.nextInt(sides);
    }

    private void loadIds(String query, List<Long> ids) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
    }

    void seed(int customers, int products, int orders) throws SQLException {
        for (int i = 0; i < customers; i++) {
            insertCustomer();
        }
        for (int i = 0; i < products; i++) {
            insertProduct();
        }
        for (int i = 0; i < orders; i++) {
            insertOrder();
        }
    }

    long insertCustomer() throws SQLException {
        String name = pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
        long id = insert("INSERT INTO shop.customers (email, full_name, tier, birth_date, loyalty_points, preferences,"
                        + " avatar, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                "user" + random.nextInt(1_000_000) + "@example.com",
                name,
                pick(TIERS),
                random.nextInt(5) == 0 ? null : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)),
                // Up to the top of INT UNSIGNED.
                random.nextInt(50) == 0 ? 4_294_967_295L : (long) random.nextInt(100_000),
                random.nextInt(3) == 0 ? null : "{\"newsletter\": " + random.nextBoolean() + ", \"locale\": \"de-CH\", \"tags\": [\"ü\", 1.50]}",
                random.nextInt(4) == 0 ? null : randomBytes(16),
                Timestamp.from(randomInstant()),
                randomDateTime());
        customerIds.add(id);
        return id;
    }

    long insertProduct() throws SQLException {
        long id = insert("INSERT INTO shop.products (sku, title, description, price, weight_grams, stock, rating, views)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                "SKU-" + random.nextInt(1_000_000),
                "Produkt № " + random.nextInt(10_000) + " – Crème brûlée",
                random.nextInt(3) == 0 ? null : "Beschreibung: größer, schöner; 说明",
                money(100_000),
                random.nextInt(4) == 0 ? null : (long) random.nextInt(16_777_215),
                (long) (random.nextInt(65_536) - 32_768),
                random.nextInt(5) == 0 ? null : (long) (random.nextInt(256) - 128),
                // BIGINT UNSIGNED beyond the signed range, now and then at its maximum.
                random.nextInt(20) == 0 ? new BigDecimal("18446744073709551615")
                        : new BigDecimal(Long.MAX_VALUE).add(BigDecimal.valueOf(random.nextInt(1000))));
        productIds.add(id);
        return id;
    }

    long insertOrder() throws SQLException {
        long id = insert("INSERT INTO shop.orders (customer_id, product_id, quantity, amount, status, ordered_at, updated_at, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                pickId(customerIds),
                pickId(productIds),
                (long) (1 + random.nextInt(65_535)),
                money(1_000_000).setScale(4, RoundingMode.UNNECESSARY).add(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(random.nextInt(100)))),
                pick(STATUSES),
                recentOrderTime(),
                Timestamp.from(randomInstant()),
                random.nextInt(2) == 0 ? null : "Bitte klingeln – ring twice; 谢谢");
        orderIds.add(id);
        return id;
    }

    int updateOrder() throws SQLException {
        int kind = random.nextInt(3);
        if (kind == 0) {
            return update("UPDATE shop.orders SET amount = ?, updated_at = ? WHERE id = ?", money(1_000_000),
                    nextUpdateTime(), pickId(orderIds));
        }
        if (kind == 1) {
            // The order moves to another customer: the feature views move its contribution with it.
            return update("UPDATE shop.orders SET customer_id = ?, updated_at = ? WHERE id = ?", pickId(customerIds),
                    nextUpdateTime(), pickId(orderIds));
        }
        return update("UPDATE shop.orders SET status = ?, note = ?, updated_at = ? WHERE id = ?", pick(STATUSES),
                random.nextBoolean() ? null : "geändert " + random.nextInt(100), nextUpdateTime(), pickId(orderIds));
    }

    /**
     * A new, later time for every update, so that every update changes its row: then each one is
     * exactly one change in the log of either database (PostgreSQL logs updates that change nothing).
     */
    private Timestamp nextUpdateTime() {
        updates++;
        return Timestamp.from(updateClock.plus(updates, ChronoUnit.MILLIS));
    }

    int updateCustomer() throws SQLException {
        return update("UPDATE shop.customers SET loyalty_points = ?, tier = ?, preferences = ?, updated_at = ? WHERE id = ?",
                (long) random.nextInt(100_000), pick(TIERS),
                random.nextBoolean() ? null : "{\"newsletter\": " + random.nextBoolean() + "}",
                nextUpdateTime().toLocalDateTime(), pickId(customerIds));
    }

    int updateProduct() throws SQLException {
        return update("UPDATE shop.products SET stock = ?, price = ? WHERE id = ?",
                (long) (random.nextInt(65_536) - 32_768), money(100_000), pickId(productIds));
    }

    int deleteOrder() throws SQLException {
        return delete("shop.orders", orderIds);
    }

    int deleteCustomer() throws SQLException {
        return delete("shop.customers", customerIds);
    }

    private int delete(String table, List<Long> ids) throws SQLException {
        if (ids.size() < 2) {
            return 0;
        }
        long id = ids.remove(random.nextInt(ids.size()));
        return update("DELETE FROM " + table + " WHERE id = ?", id);
    }

    private long insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(statement, values);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Rows really changed: the connection reports affected, not matched, rows (see Playground). */
    private int update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private long pickId(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private BigDecimal money(int maxWhole) {
        return BigDecimal.valueOf(random.nextInt(maxWhole * 100), 2);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private Instant randomInstant() {
        // Microseconds, within a year around the epoch above: crosses a DST change in most zones.
        return EPOCH.minus(random.nextInt(180 * 24 * 3600), ChronoUnit.SECONDS).plusNanos(random.nextInt(1_000_000) * 1000L)
                .plus(random.nextInt(360), ChronoUnit.DAYS);
    }

    /**
     * Within the last 36 hours, so the demo's feature windows (1h, 24h) hold some of the orders and
     * the oldest leave them while the demo runs.
     */
    private LocalDateTime recentOrderTime() {
        return LocalDateTime.now(ZoneOffset.UTC).minusSeconds(random.nextInt(36 * 3600)).withNano(random.nextInt(1_000_000) * 1000);
    }

    private LocalDateTime randomDateTime() {
        return LocalDateTime.of(2024, 3, 31, 2, 30).plusSeconds(random.nextInt(3600)).plusNanos(random.nextInt(1_000_000) * 1000L);
    }
}
