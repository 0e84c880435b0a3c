package dev.cdcpipeline.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts SQL text into the parts whose characters mean different things: plain code, string
 * literals, quoted identifiers, comments and hints. A semicolon ends a statement only in code, and
 * a <code>${NAME}</code> reference is replaced in code, literals, identifiers and hints but not in
 * comments. Follows Flink SQL's lexical rules: {@code 'it''s'} and {@code `a``b`} double their
 * quote to escape it; {@code /*+ ... *}{@code /} is a hint, not a comment.
 */
final class SqlLexer {

    enum Kind { CODE, STRING_LITERAL, QUOTED_IDENTIFIER, LINE_COMMENT, BLOCK_COMMENT, HINT }

    /** Characters {@code [start, end)} of the text; {@code closed} is false if the text ended inside it. */
    record Segment(Kind kind, int start, int end, boolean closed) {

        boolean isComment() {
            return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
        }
    }

    private SqlLexer() {}

    static List<Segment> segments(String sql) {
        List<Segment> segments = new ArrayList<>();
        int codeStart = 0;
        int position = 0;
        while (position < sql.length()) {
            Kind kind = kindStartingAt(sql, position);
            if (kind == Kind.CODE) {
                position++;
                continue;
            }
            if (codeStart < position) {
                segments.add(new Segment(Kind.CODE, codeStart, position, true));
            }
            Segment segment = segmentStartingAt(sql, position, kind);
            segments.add(segment);
            position = segment.end();
            codeStart = position;
        }
        if (codeStart < sql.length()) {
            segments.add(new Segment(Kind.CODE, codeStart, sql.length(), true));
        }
        return segments;
    }

    private static Kind kindStartingAt(String sql, int position) {
        char c = sql.charAt(position);
        if (c == '\'') {
            return Kind.STRING_LITERAL;
        }
        if (c == '`') {
            return Kind.QUOTED_IDENTIFIER;
        }
        if (sql.startsWith("--", position)) {
            return Kind.LINE_COMMENT;
        }
        if (sql.startsWith("/*+", position)) {
            return Kind.HINT;
        }
        if (sql.startsWith("/*", position)) {
            return Kind.BLOCK_COMMENT;
        }
        return Kind.CODE;
    }

    private static Segment segmentStartingAt(String sql, int start, Kind kind) {
        return switch (kind) {
            case STRING_LITERAL -> quoted(sql, start, '\'', kind);
            case QUOTED_IDENTIFIER -> quoted(sql, start, '`', kind);
            case LINE_COMMENT -> {
                // The line break is left to the code that follows.
                int lineEnd = sql.indexOf('\n', start);
                yield new Segment(kind, start, lineEnd < 0 ? sql.length() : lineEnd, true);
            }
            case BLOCK_COMMENT, HINT -> {
                int close = sql.indexOf("*/", start + 2);
                yield close < 0 ? new Segment(kind, start, sql.length(), false) : new Segment(kind, start, close + 2, true);
            }
            case CODE -> throw new IllegalArgumentException("code is not a delimited segment");
        };
    }

    /** A literal or identifier from its opening quote to its closing one; a doubled quote inside is an escaped quote. */
    private static Segment quoted(String sql, int start, char quote, Kind kind) {
        int position = start + 1;
        while (position < sql.length()) {
            if (sql.charAt(position) == quote) {
                if (position + 1 < sql.length() && sql.charAt(position + 1) == quote) {
                    position += 2;
                    continue;
                }
                return new Segment(kind, start, position + 1, true);
            }
            position++;
        }
        return new Segment(kind, start, sql.length(), false);
    }
}
