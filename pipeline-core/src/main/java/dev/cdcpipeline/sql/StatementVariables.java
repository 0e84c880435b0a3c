package dev.cdcpipeline.sql;

import dev.cdcpipeline.config.EnvironmentSubstitution;
import dev.cdcpipeline.sql.SqlLexer.Segment;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Replaces <code>${NAME}</code> and <code>${NAME:-default}</code> in a statement by environment
 * variables (see {@link EnvironmentSubstitution}), so that a script holds no password:
 * {@code 'password' = '${MYSQL_PASSWORD}'}. Flink's own SQL client does not do this.
 *
 * <p>Inside a string literal, a value's {@code '} is doubled, and inside a quoted identifier its
 * {@code `}: any password works, and no value can end the literal and inject SQL. References in
 * comments are left alone. An unset variable is an error naming the line it is on.
 */
final class StatementVariables {

    private final EnvironmentSubstitution substitution;

    StatementVariables(Map<String, String> environment) {
        this.substitution = new EnvironmentSubstitution(environment);
    }

    SqlStatement substitute(SqlStatement statement) throws SqlScriptException {
        String text = statement.text();
        StringBuilder substituted = new StringBuilder(text.length());
        int line = statement.line();
        for (Segment segment : SqlLexer.segments(text)) {
            String part = text.substring(segment.start(), segment.end());
            if (segment.isComment()) {
                substituted.append(part);
            } else {
                substituted.append(substituteLineByLine(part, line, escapeFor(segment.kind()), statement));
            }
            line += (int) part.chars().filter(c -> c == '\n').count();
        }
        return statement.withSubstitutedText(substituted.toString());
    }

    /** Line by line, so that an error can name the line (a reference never spans two). */
    private String substituteLineByLine(String part, int firstLine, UnaryOperator<String> escape, SqlStatement statement)
            throws SqlScriptException {
        String[] lines = part.split("\n", -1);
        StringBuilder substituted = new StringBuilder(part.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                substituted.append('\n');
            }
            try {
                substituted.append(substitution.substitute(lines[i], escape));
            } catch (IllegalArgumentException e) {
                throw new SqlScriptException(firstLine + i, statement, e.getMessage());
            }
        }
        return substituted.toString();
    }

    private static UnaryOperator<String> escapeFor(SqlLexer.Kind kind) {
        return switch (kind) {
            case STRING_LITERAL -> value -> value.replace("'", "''");
            case QUOTED_IDENTIFIER -> value -> value.replace("`", "``");
            default -> UnaryOperator.identity();
        };
    }
}
