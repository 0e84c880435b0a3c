package dev.cdcpipeline.deadletter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON text as PostgreSQL's {@code jsonb} stores it. JSON may hold the NUL character
 * ({@code \u0000}), and a dead letter of the warehouse stage holds one by definition (a MySQL text
 * with NUL is why the warehouse could not store the change), but {@code jsonb} refuses it, which
 * would make the dead-letter table refuse the very changes it exists for, on every retry. Each
 * NUL escape becomes the six characters {@code \u0000} as text: readable, and nothing else changes.
 */
final class JsonbText {

    /** A {@code \u0000} escape: preceded by an even number of backslashes (an odd one would escape its own backslash). */
    private static final Pattern NUL_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u0000");
    private static final String ESCAPED_BACKSLASH_THEN_U0000 = Matcher.quoteReplacement("\\\\u0000");

    private JsonbText() {}

    static String of(String json) {
        if (!json.contains("\\u0000")) {
            return json;
        }
        return NUL_ESCAPE.matcher(json).replaceAll("$1" + ESCAPED_BACKSLASH_THEN_U0000);
    }
}
