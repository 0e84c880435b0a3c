package dev.cdcpipeline.sink.warehouse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a column DEFAULT that is a constant literal, as each database's catalog prints it, and
 * gives the literal's text. Anything else (an expression, a function such as CURRENT_TIMESTAMP, a
 * sequence, NULL) is no constant: the warehouse cannot know the value the source gave each row.
 */
final class ConstantDefaults {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    /** MariaDB 10.2.7+ quotes text defaults in information_schema: 'it''s'. Backslash escapes are not trusted. */
    private static final Pattern MARIADB_TEXT = Pattern.compile("'((?:[^'\\\\]|'')*)'");
    /** pg_get_expr: 'it''s'::character varying, '-5'::integer, 42, (-1.5), true. */
    private static final Pattern POSTGRES_TEXT = Pattern.compile("'((?:[^']|'')*)'(?:::[a-z][a-z0-9 _\"(),\\[\\]]*)?");
    private static final Pattern POSTGRES_NUMBER = Pattern.compile("\\(?(-?\\d+(?:\\.\\d+)?)\\)?(?:::[a-z][a-z0-9 _(),]*)?");

    private ConstantDefaults() {}

    /** From MariaDB's {@code information_schema.COLUMNS.COLUMN_DEFAULT} (an SQL expression since 10.2.7). */
    static Optional<String> mariaDb(String columnDefault) {
        if (columnDefault == null) {
            return Optional.empty();
        }
        Matcher text = MARIADB_TEXT.matcher(columnDefault);
        if (text.matches()) {
            return Optional.of(text.group(1).replace("''", "'"));
        }
        return NUMBER.matcher(columnDefault).matches() ? Optional.of(columnDefault) : Optional.empty();
    }

    /**
     * From MySQL's {@code COLUMN_DEFAULT}, which holds the value itself, unquoted; an expression
     * default says {@code DEFAULT_GENERATED} in {@code EXTRA} (8.0.13+), CURRENT_TIMESTAMP does not in 5.7.
     */
    static Optional<String> mySql(String columnDefault, String extra) {
        if (columnDefault == null || (extra != null && extra.toUpperCase(Locale.ROOT).contains("GENERATED"))
                || columnDefault.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP")) {
            return Optional.empty();
        }
        return Optional.of(columnDefault);
    }

    /** From PostgreSQL's {@code pg_get_expr(adbin, adrelid)}. */
    static Optional<String> postgres(String expression) {
        if (expression == null) {
            return Optional.empty();
        }
        Matcher text = POSTGRES_TEXT.matcher(expression);
        if (text.matches()) {
            return Optional.of(text.group(1).replace("''", "'"));
        }
        Matcher number = POSTGRES_NUMBER.matcher(expression);
        if (number.matches()) {
            return Optional.of(number.group(1));
        }
        return expression.equals("true") || expression.equals("false") ? Optional.of(expression) : Optional.empty();
    }

    /** The literal as a warehouse DEFAULT of the column's type: quoted, so it can never be more than a value. */
    static String sql(String literal, ColumnType type) {
        return "CAST('" + literal.replace("'", "''") + "' AS " + type.sql() + ")";
    }
}
