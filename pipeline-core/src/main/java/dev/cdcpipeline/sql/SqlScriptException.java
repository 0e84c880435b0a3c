package dev.cdcpipeline.sql;

/**
 * A SQL script that cannot run as written: a statement Flink rejects, an unset environment
 * variable, a statement set without {@code END}. The message names the line of the script, the
 * statement (its start, as written: secrets passed as <code>${NAME}</code> never show) and the cause.
 */
public final class SqlScriptException extends Exception {

    private final int line;

    /** A problem outside any statement, such as a string literal that is never closed. */
    public SqlScriptException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** A problem with a statement as a whole: named by the line it starts on. */
    public SqlScriptException(SqlStatement statement, String problem) {
        this(statement.line(), statement, problem, null);
    }

    /** A problem on one line of a statement that spans several. */
    public SqlScriptException(int line, SqlStatement statement, String problem) {
        this(line, statement, problem, null);
    }

    private SqlScriptException(int line, SqlStatement statement, String problem, Throwable cause) {
        super("line " + line + ": " + problem + "\n  in: " + statement.excerpt(), cause);
        this.line = line;
    }

    /** Flink rejected the statement: see {@link FailureMessages#describe} for what the message says. */
    public static SqlScriptException rejected(SqlStatement statement, Throwable failure) {
        return new SqlScriptException(statement.line(), statement, FailureMessages.describe(failure, statement.line()), failure);
    }

    /** The line of the script the problem is on. */
    public int line() {
        return line;
    }
}
