package dev.cdcpipeline.config;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of {@code source.tables}: which tables of which databases the pipeline captures.
 *
 * <p>It is written as in Flink CDC, {@code database.table}, where each part is a name or a Java
 * regular expression. The first dot not preceded by a backslash separates the two parts; inside a
 * part, {@code \.} stands for the regex dot (any character). So {@code shop.\.*} is every table of
 * database {@code shop}, {@code shop.order_.*} every table of {@code shop} whose name starts with
 * {@code order_}, and {@code shop.orders} the one table. A literal dot inside a name cannot be
 * written (Flink CDC has the same limit).
 *
 * @param databaseRegex a regular expression that a database name must match in full
 * @param tableRegex a regular expression that a table name must match in full
 */
public record TablePattern(String databaseRegex, String tableRegex) implements Serializable {

    public TablePattern {
        Objects.requireNonNull(databaseRegex, "databaseRegex");
        Objects.requireNonNull(tableRegex, "tableRegex");
        if (databaseRegex.isEmpty() || tableRegex.isEmpty()) {
            throw new IllegalArgumentException("database and table patterns must not be empty");
        }
        // Fail here rather than on the first match; PatternSyntaxException is an IllegalArgumentException.
        Pattern.compile(databaseRegex);
        Pattern.compile(tableRegex);
    }

    /**
     * Reads the {@code database.table} form described on this class.
     *
     * @throws IllegalArgumentException if there is no separating dot, a part is empty, or a part is
     *     not a valid regular expression
     */
    public static TablePattern parse(String text) {
        int separator = firstUnescapedDot(text);
        if (separator < 0) {
            throw new IllegalArgumentException("expected database.table, got '" + text + "'");
        }
        return new TablePattern(
                unescapeDots(text.substring(0, separator).strip()),
                unescapeDots(text.substring(separator + 1).strip()));
    }

    /**
     * Whether the table {@code database.table} is captured. It compiles both expressions on every
     * call: cache the answer per table if you need it per record.
     */
    public boolean matches(String database, String table) {
        return Pattern.matches(databaseRegex, database) && Pattern.matches(tableRegex, table);
    }

    /**
     * The {@code database.table} form, with each regex dot written {@code \.}, so that {@link #parse}
     * reads it back: {@code shop.\.*}, {@code shop.order_\.*}, {@code shop.orders}.
     */
    @Override
    public String toString() {
        return escapeDots(databaseRegex) + "." + escapeDots(tableRegex);
    }

    private static int firstUnescapedDot(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '.' && (i == 0 || text.charAt(i - 1) != '\\')) {
                return i;
            }
        }
        return -1;
    }

    private static String unescapeDots(String part) {
        return part.replace("\\.", ".");
    }

    private static String escapeDots(String regex) {
        return regex.replace(".", "\\.");
    }
}
