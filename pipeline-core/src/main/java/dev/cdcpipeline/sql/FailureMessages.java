package dev.cdcpipeline.sql;

/** What to show a user of a failure: one message, not a stack trace. */
final class FailureMessages {

    /**
     * Calcite's parse errors go on to list every token it would have accepted, often hundreds of
     * lines; the part before says what and where.
     */
    private static final String PARSER_EXPECTATIONS = "\nWas expecting";

    private FailureMessages() {}

    /** The innermost cause's message: the outer ones only say which step of planning failed. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int expectations = message.indexOf(PARSER_EXPECTATIONS);
        return (expectations < 0 ? message : message.substring(0, expectations)).strip();
    }
}
