package dev.cdcpipeline.sql;

/**
 * A SQL script that cannot run as written: a statement Flink rejects, an unset environment
 * variable, a statement set without {@code END}. The message names the line of the script, the
 * statement (its start, as written: secrets passed as <code>${NAME}</code> never show) and the cause.
 */
public final class SqlScriptException extends Exception {

    private final int line;

    public SqlScriptException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    public SqlScriptException(SqlStatement statement, String problem) {
        this(statement, problem, null);
    }

    private SqlScriptException(SqlStatement statement, String problem, Throwable cause) {
        super("line " + statement.line() + ": " + problem + "\n  in: " + statement.excerpt(), cause);
        this.line = statement.line();
    }

    /** Flink rejected the statement: the message is the innermost cause's, which says what is wrong. */
    public static SqlScriptException rejected(SqlStatement statement, Throwable failure) {
        return new SqlScriptException(statement, FailureMessages.rootCause(failure), failure);
    }

    /** The line of the script the problem is on. */
    public int line() {
        return line;
    }
}
