package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled expression over the columns of one row, for row filters and computed columns: a small
 * SQL dialect, typed when compiled, exact with decimals, and serializable so it can travel inside
 * Flink operators.
 *
 * <h2>Grammar</h2>
 *
 * Keywords and function names are case-insensitive. Operators from lowest to highest precedence:
 *
 * <pre>
 * expression     := or
 * or             := and { OR and }
 * and            := not { AND not }
 * not            := NOT not | predicate
 * predicate      := concatenation [ ( '=' | '&lt;&gt;' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=' ) concatenation
 *                                 | IS [ NOT ] NULL
 *                                 | [ NOT ] IN '(' expression { ',' expression } ')'
 *                                 | [ NOT ] BETWEEN concatenation AND concatenation
 *                                 | [ NOT ] LIKE concatenation [ ESCAPE 'c' ] ]
 * concatenation  := additive { '||' additive }
 * additive       := multiplicative { ( '+' | '-' ) multiplicative }
 * multiplicative := unary { ( '*' | '/' | '%' ) unary }
 * unary          := '-' unary | primary
 * primary        := number | 'text' | TRUE | FALSE | NULL
 *                 | ( DATE | TIME | DATETIME | TIMESTAMP ) 'text'
 *                 | column | function '(' [ expression { ',' expression } ] ')'
 *                 | CAST '(' expression AS type ')' | '(' expression ')'
 * </pre>
 *
 * Comparisons do not chain: {@code a < b < c} is an error.
 *
 * <h2>Values and their kinds</h2>
 *
 * Every part of an expression has a {@link ValueKind}, checked when it is compiled.
 * <ul>
 *   <li>Literals: {@code 42} is INTEGER (a DECIMAL if it does not fit a BIGINT), {@code 19.90} a
 *       DECIMAL with its scale, {@code 1e3} a DOUBLE, {@code 'it''s'} TEXT, TRUE and FALSE BOOLEAN;
 *       {@code DATE '2024-01-31'}, {@code TIME '09:30:00'}, {@code DATETIME '2024-01-31 09:30:00'}
 *       (wall-clock, no zone) and {@code TIMESTAMP '2024-01-31T09:30:00Z'} (a point in time, offset
 *       required). NULL takes its kind from where it is used ({@code x = NULL},
 *       {@code coalesce(x, NULL)}); where nothing gives it one, e.g. an expression that is just
 *       {@code NULL}, it is a compile error: write {@code CAST(NULL AS TEXT)}.
 *   <li>Columns: a bare name {@code [A-Za-z_][A-Za-z0-9_]*} matches a column exactly, or else
 *       ignoring case if only one column matches so; {@code "Order Total"} and
 *       {@code `Order Total`} match exactly and may hold any character (double the quote to
 *       include it). AND, OR, NOT, IS, IN, BETWEEN, LIKE, ESCAPE and AS must be quoted to name a
 *       column. A column missing from a row reads as null.
 *   <li>Arithmetic {@code + - * / %} takes numbers. INTEGER with INTEGER stays INTEGER and fails
 *       on overflow instead of wrapping around, except {@code /}, which gives a DECIMAL
 *       ({@code 7 / 2} is 3.5). With a DECIMAL the result is an exact DECIMAL ({@code 0.1 + 0.2}
 *       is 0.3; a quotient that does not terminate keeps 34 significant digits); with a DOUBLE it is
 *       a DOUBLE. Division by zero fails for every kind.
 *   <li>Comparisons take two numbers of any kinds (compared by exact value: {@code 1 = 1.00} is
 *       TRUE) or two values of the same kind: TEXT (by {@link String#compareTo}), BOOLEAN (false
 *       before true), DATE, TIME, DATETIME or TIMESTAMP. A DATETIME and a TIMESTAMP do not
 *       compare: that would need a time zone. JSON, BYTES and ARRAY compare with nothing; use
 *       {@code CAST(json AS TEXT)}.
 *   <li>{@code x LIKE 'a%b_'}: TEXT only, case-sensitive; {@code %} matches any characters,
 *       {@code _} one; {@code ESCAPE '\'} makes the next {@code %}, {@code _} or {@code \}
 *       literal.
 *   <li>{@code a || b} joins texts; one side must be TEXT, the other may be any kind but BYTES
 *       and ARRAY, rendered as CAST(x AS TEXT) would. Null if either side is null.
 * </ul>
 *
 * <h2>Null and three-valued logic</h2>
 *
 * As in SQL, null is "unknown": arithmetic, comparison, LIKE, IN and BETWEEN with a null give
 * null; {@code NULL AND FALSE} is FALSE and {@code NULL OR TRUE} is TRUE, otherwise AND, OR and NOT
 * with a null give null. {@code x IS [NOT] NULL} is never null. {@code 1 NOT IN (2, NULL)} is null.
 *
 * <h2>Functions</h2>
 *
 * All give null when an argument is null, except concat and coalesce.
 * <ul>
 *   <li>{@code upper(text)}, {@code lower(text)}; {@code trim(text)} removes leading and trailing
 *       spaces (only spaces, as SQL's TRIM does);
 *   <li>{@code length(text)}: INTEGER, the number of characters (Unicode code points);
 *   <li>{@code substring(text, start[, length])}: 1-based; a window reaching outside the text is
 *       cut to it ({@code substring('hello', 0, 3)} is 'he'); a negative length fails;
 *   <li>{@code concat(a, b, ...)}: TEXT, the arguments' texts joined, nulls skipped (as
 *       PostgreSQL's concat does, unlike {@code ||}); never null;
 *   <li>{@code coalesce(a, b, ...)}: the first argument that is not null; the arguments are of one
 *       kind, or numbers of mixed kinds, given in the widest (INTEGER and DECIMAL give DECIMAL);
 *       later arguments are only evaluated when needed;
 *   <li>{@code abs(number)}; {@code round(number[, digits])}: half away from zero, to digits after
 *       the point (negative: before it), keeping the kind;
 *   <li>{@code CAST(x AS type)}, type one of BIGINT (also INT, INTEGER), DECIMAL or NUMERIC
 *       (optionally {@code DECIMAL(p, s)}: rounded to s digits, failing if it has more than
 *       p - s before the point), DOUBLE, TEXT (also VARCHAR, STRING), BOOLEAN (also BOOL), DATE,
 *       TIME, DATETIME, TIMESTAMP. Numbers convert to numbers (rounding half away from zero into
 *       BIGINT, failing if out of range), INTEGER and BOOLEAN to each other, DATE to DATETIME
 *       (midnight), DATETIME to DATE and TIME; everything but BYTES and ARRAY to TEXT; TEXT to every
 *       type (spaces around ignored; dates and times in ISO-8601, a space allowed for the 'T';
 *       booleans as true/false, t/f, yes/no, y/n, on/off, 1/0), failing if it does not parse.
 *       TIMESTAMP and DATETIME do not convert into each other.
 * </ul>
 *
 * As text (CAST, {@code ||}, concat), decimals keep their scale in plain digits ({@code 19.90},
 * never {@code 1E+3}), doubles show their shortest plain digits ({@code 0.1}, {@code 100}),
 * booleans are {@code true}/{@code false}, JSON is its text, dates and times are ISO-8601 with
 * seconds always shown.
 */
public final class Expression implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final Node root;
    private final Set<String> referencedColumns;

    private Expression(String text, Node root, Set<String> referencedColumns) {
        this.text = text;
        this.root = root;
        this.referencedColumns = referencedColumns;
    }

    /**
     * Parses and type-checks an expression.
     *
     * @param columns the row's columns and the kinds of their values; the order is the order in
     *     which an unknown column's error message lists them
     * @throws ExpressionException if the text is not a valid expression over these columns; the
     *     message says what is wrong and at which character offset
     */
    public static Expression compile(String text, Map<String, ValueKind> columns) {
        Objects.requireNonNull(text, "text");
        columns.forEach((name, kind) -> Objects.requireNonNull(kind, () -> "the kind of column " + name));
        Parser.Parsed parsed = Parser.parse(text, columns);
        Operand root = parsed.root().requireTyped("when it is the whole expression");
        return new Expression(text, root.node(), Collections.unmodifiableSet(new LinkedHashSet<>(parsed.referencedColumns())));
    }

    /** The kind of the values {@link #evaluate} gives; a filter must be {@link ValueKind#BOOLEAN}. */
    public ValueKind resultKind() {
        return root.kind();
    }

    /** The columns the expression reads, spelled as the table spells them, in order of first mention. */
    public Set<String> referencedColumns() {
        return referencedColumns;
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /**
     * The expression's value for a row: an instance of {@code resultKind().javaType()}, or null.
     * A filter passes a row only when this is {@link Boolean#TRUE}: null ("unknown") does not pass,
     * as in SQL's WHERE.
     *
     * @param row column names to values of the Java types of {@link dev.cdcpipeline.change.RowValues}
     * @throws ExpressionEvaluationException if the row's values cannot be combined as the expression
     *     asks (division by zero, overflow, text that does not parse in a CAST); the message names
     *     the expression and the failing operator but no value of the row
     */
    public Object evaluate(Map<String, Object> row) {
        Objects.requireNonNull(row, "row");
        try {
            return root.evaluate(row);
        } catch (EvaluationFailure failure) {
            throw new ExpressionEvaluationException(text, failure.position(), failure.getMessage());
        }
    }

    /**
     * Whether a filter passes the row: its value is TRUE (not FALSE, not null).
     *
     * @throws IllegalStateException if the expression is not BOOLEAN
     * @throws ExpressionEvaluationException as {@link #evaluate} does
     */
    public boolean test(Map<String, Object> row) {
        if (resultKind() != ValueKind.BOOLEAN) {
            throw new IllegalStateException("expression " + Operand.quote(text) + " is " + resultKind() + ", not a condition");
        }
        return Boolean.TRUE.equals(evaluate(row));
    }

    @Override
    public String toString() {
        return text;
    }
}
