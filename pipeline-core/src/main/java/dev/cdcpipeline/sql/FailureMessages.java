package dev.cdcpipeline.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What to show a user of Flink's failure to run a statement: one message, not a stack trace. */
final class FailureMessages {

    /**
     * Calcite's parse errors go on to list every token it would have accepted, often hundreds of
     * lines; the part before says what and where.
     */
    private static final String PARSER_EXPECTATIONS = "\nWas expecting";
    /** How Calcite gives a position: counted within the statement, not the script. */
    private static final Pattern STATEMENT_POSITION = Pattern.compile("\\bline (\\d+), column (\\d+)");

    private FailureMessages() {}

    /**
     * The outermost message's first line says what Flink was doing ({@code Unable to create a
     * source for reading table 'orders'}), the innermost cause's message what is wrong
     * ({@code Missing required options are: hostname}): both, once each. Positions in the
     * statement become lines of the script.
     */
    static String describe(Throwable failure, int statementLine) {
        String cause = rootCauseMessage(failure);
        String headline = firstLine(failure.getMessage());
        String message;
        if (headline.isEmpty()) {
            message = cause;
        } else if (headline.contains(firstLine(cause))) {
            message = headline + cause.substring(firstLine(cause).length());
        } else {
            message = headline + "\n" + cause;
        }
        return inScriptLines(message, statementLine);
    }

    private static String rootCauseMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int expectations = message.indexOf(PARSER_EXPECTATIONS);
        return (expectations < 0 ? message : message.substring(0, expectations)).strip();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int lineEnd = text.indexOf('\n');
        return (lineEnd < 0 ? text : text.substring(0, lineEnd)).strip();
    }

    private static String inScriptLines(String message, int statementLine) {
        Matcher position = STATEMENT_POSITION.matcher(message);
        StringBuilder result = new StringBuilder();
        while (position.find()) {
            int line = statementLine + Integer.parseInt(position.group(1)) - 1;
            position.appendReplacement(result, "line " + line + ", column " + position.group(2));
        }
        return position.appendTail(result).toString();
    }
}
