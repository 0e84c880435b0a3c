package dev.cdcpipeline.sql;

import dev.cdcpipeline.sql.SqlLexer.Kind;
import dev.cdcpipeline.sql.SqlLexer.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a SQL script into statements at the semicolons that end them: not at those in string
 * literals, quoted identifiers, comments or hints. Statements may span lines; empty ones (a
 * stray {@code ;}, a comment alone) are dropped. Each keeps the line it starts on.
 *
 * <p>A statement set block, {@code EXECUTE STATEMENT SET BEGIN INSERT ...; INSERT ...; END;},
 * has semicolons inside. It comes out as the statement {@value #STATEMENT_SET_BEGIN}, then each
 * INSERT, then {@code END}, so that an error in an INSERT can name that INSERT's line. (Flink's
 * SQL client's older form {@code BEGIN STATEMENT SET; ... END;} splits the same way by itself.)
 */
public final class SqlStatementSplitter {

    /** The statement that opens a statement set block. */
    public static final String STATEMENT_SET_BEGIN = "EXECUTE STATEMENT SET BEGIN";

    private static final Pattern STATEMENT_SET_BEGIN_KEYWORDS =
            Pattern.compile("EXECUTE\\s+STATEMENT\\s+SET\\s+BEGIN\\b", Pattern.CASE_INSENSITIVE);

    private final String script;
    private final List<Segment> segments;
    private final List<SqlStatement> statements = new ArrayList<>();

    private SqlStatementSplitter(String script) {
        this.script = script;
        this.segments = SqlLexer.segments(script);
    }

    /**
     * The statements of {@code script}, in order.
     *
     * @throws SqlScriptException if a string literal, quoted identifier or block comment is not closed
     */
    public static List<SqlStatement> split(String script) throws SqlScriptException {
        return new SqlStatementSplitter(script).split();
    }

    private List<SqlStatement> split() throws SqlScriptException {
        int statementStart = 0;
        for (Segment segment : segments) {
            if (!segment.closed()) {
                throw new SqlScriptException(lineOf(segment.start()), unclosed(segment.kind()) + " is not closed");
            }
            if (segment.kind() != Kind.CODE) {
                continue;
            }
            for (int position = segment.start(); position < segment.end(); position++) {
                if (script.charAt(position) == ';') {
                    addStatement(statementStart, position);
                    statementStart = position + 1;
                }
            }
        }
        addStatement(statementStart, script.length());
        return statements;
    }

    /** Adds the statement in {@code [start, end)}, unless it holds nothing but blanks and comments. */
    private void addStatement(int start, int end) {
        int textStart = firstSignificantPosition(start, end);
        if (textStart < 0) {
            return;
        }
        Matcher statementSetBegin = STATEMENT_SET_BEGIN_KEYWORDS.matcher(script).region(textStart, end);
        if (statementSetBegin.lookingAt()) {
            statements.add(new SqlStatement(STATEMENT_SET_BEGIN, lineOf(textStart)));
            // The block's first INSERT follows BEGIN without a semicolon between them.
            addStatement(statementSetBegin.end(), end);
            return;
        }
        statements.add(new SqlStatement(script.substring(textStart, end).strip(), lineOf(textStart)));
    }

    /** The first position in {@code [start, end)} that is neither blank nor in a comment; -1 if there is none. */
    private int firstSignificantPosition(int start, int end) {
        for (Segment segment : segments) {
            if (segment.end() <= start || segment.isComment()) {
                continue;
            }
            if (segment.start() >= end) {
                break;
            }
            if (segment.kind() != Kind.CODE) {
                return Math.max(segment.start(), start);
            }
            for (int position = Math.max(segment.start(), start); position < Math.min(segment.end(), end); position++) {
                if (!Character.isWhitespace(script.charAt(position))) {
                    return position;
                }
            }
        }
        return -1;
    }

    private int lineOf(int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String unclosed(Kind kind) {
        return switch (kind) {
            case STRING_LITERAL -> "the string literal (') starting here";
            case QUOTED_IDENTIFIER -> "the quoted identifier (`) starting here";
            case BLOCK_COMMENT -> "the comment (/*) starting here";
            case HINT -> "the hint (/*+) starting here";
            default -> "the " + kind + " starting here";
        };
    }
}
