package dev.cdcpipeline.transform.expression;

import java.util.regex.Pattern;

/**
 * Turns a LIKE pattern into a regular expression: {@code %} is any run of characters, {@code _}
 * exactly one character, anything else itself (case-sensitive, as in standard SQL and
 * PostgreSQL). With an escape character, it makes the next {@code %}, {@code _} or escape
 * character literal.
 */
final class LikePattern {

    private LikePattern() {}

    /**
     * @param escape the escape code point, or -1 for none
     * @throws IllegalArgumentException if an escape character is not followed by {@code %},
     *     {@code _} or itself; the message does not show the pattern, which may come from a row
     */
    static Pattern compile(String pattern, int escape) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int c = pattern.codePointAt(i);
            i += Character.charCount(c);
            if (c == escape) {
                int escaped = i < pattern.length() ? pattern.codePointAt(i) : -1;
                if (escaped != '%' && escaped != '_' && escaped != escape) {
                    throw new IllegalArgumentException(
                            "in a LIKE pattern the escape character must come before %, _ or itself");
                }
                literal.appendCodePoint(escaped);
                i += Character.charCount(escaped);
            } else if (c == '%' || c == '_') {
                flush(literal, regex);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.appendCodePoint(c);
            }
        }
        flush(literal, regex);
        // DOTALL: % and _ match line breaks too; '.' matches a whole code point, as length() counts them.
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
