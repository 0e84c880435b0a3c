package dev.cdcpipeline.sql;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One statement of a SQL script: its text, without the terminating semicolon and without the
 * comments before it, and the line of the script it starts on (counted from 1).
 *
 * @param excerpt the statement's start on one line, for messages: enough to recognise it, short
 *     enough to read. Always from the text as written in the script, so that a message never shows
 *     what an environment variable put in (a password).
 */
public record SqlStatement(String text, int line, String excerpt) {

    private static final int EXCERPT_LENGTH = 60;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public SqlStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(excerpt, "excerpt");
    }

    /** A statement as written in the script. */
    public SqlStatement(String text, int line) {
        this(text, line, excerptOf(text));
    }

    /** The same statement with its environment variables replaced; messages still quote it as written. */
    SqlStatement withSubstitutedText(String substituted) {
        return new SqlStatement(substituted, line, excerpt);
    }

    /** Whether the text starts with what {@code keywords} matches (a case-insensitive pattern). */
    boolean startsWith(Pattern keywords) {
        return keywords.matcher(text).lookingAt();
    }

    private static String excerptOf(String text) {
        String oneLine = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return oneLine.length() <= EXCERPT_LENGTH ? oneLine : oneLine.substring(0, EXCERPT_LENGTH) + " ...";
    }
}
