package dev.cdcpipeline.sql;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One statement of a SQL script: its text, without the terminating semicolon and without the
 * comments before it, and the line of the script it starts on (counted from 1).
 */
public record SqlStatement(String text, int line) {

    private static final int EXCERPT_LENGTH = 60;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public SqlStatement {
        Objects.requireNonNull(text, "text");
    }

    /** The statement's start on one line, for messages: enough to recognise it, short enough to read. */
    public String excerpt() {
        String oneLine = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return oneLine.length() <= EXCERPT_LENGTH ? oneLine : oneLine.substring(0, EXCERPT_LENGTH) + " ...";
    }

    /** Whether the text starts with what {@code keywords} matches (a case-insensitive pattern). */
    boolean startsWith(Pattern keywords) {
        return keywords.matcher(text).lookingAt();
    }
}
