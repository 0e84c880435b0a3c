package dev.cdcpipeline.local.bench;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Rows of the demo shop's {@code shop.orders} table (see {@code ShopSchema}) as the bench writes
 * them: nine columns of the types a mirror must carry exactly (BIGINT, BIGINT UNSIGNED, DECIMAL,
 * ENUM, DATETIME(6), TIMESTAMP(6), TEXT). {@code id} comes from AUTO_INCREMENT and
 * {@code updated_at} from the server's clock at the insert, which makes it the row's commit time
 * for the latency and lag figures.
 */
final class OrderRows {

    /** The columns the bench sets, in the order {@link #bind} fills them. */
    static final String COLUMNS = "customer_id, product_id, quantity, amount, status, ordered_at, note";
    static final int COLUMN_COUNT = 7;
    static final String SINGLE_ROW_INSERT =
            "INSERT INTO shop.orders (" + COLUMNS + ") VALUES (" + placeholders() + ")";

    private static final String[] STATUSES = {"new", "paid", "shipped", "cancelled"};
    private static final LocalDateTime FIRST_ORDER = LocalDateTime.of(2024, 3, 31, 0, 0);
    private static final String[] NOTES = {
        "leave at the door", "gift wrap, please", "call before delivery", "Lieferung an Nachbar (Müller)"
    };

    private final SplittableRandom random;

    OrderRows(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code INSERT ... VALUES (...), (...), ...} for {@code rows} rows. */
    static String multiRowInsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO shop.orders (" + COLUMNS + ") VALUES ");
        String row = "(" + placeholders() + ")";
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    private static String placeholders() {
        return String.join(", ", java.util.Collections.nCopies(COLUMN_COUNT, "?"));
    }

    /** Binds the next row's values from parameter {@code first} on. */
    void bind(PreparedStatement statement, int first) throws SQLException {
        statement.setLong(first, 1 + random.nextInt(100_000));
        statement.setInt(first + 1, 1 + random.nextInt(1_000));
        statement.setInt(first + 2, 1 + random.nextInt(10));
        // Up to 99,999.9999 with four decimals, exact.
        statement.setBigDecimal(first + 3, BigDecimal.valueOf(random.nextLong(1_000_000_000L), 4));
        statement.setString(first + 4, STATUSES[random.nextInt(STATUSES.length)]);
        statement.setObject(first + 5, FIRST_ORDER.plusNanos(random.nextLong(86_400_000_000_000L * 365) / 1000 * 1000));
        statement.setString(first + 6, random.nextInt(3) == 0 ? NOTES[random.nextInt(NOTES.length)] : null);
    }

    /** A seed per writer thread, from one run seed. */
    static long seedFor(long runSeed, int thread) {
        return new Random(runSeed + 31L * thread).nextLong();
    }
}
