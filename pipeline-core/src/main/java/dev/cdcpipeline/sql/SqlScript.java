package dev.cdcpipeline.sql;

import org.apache.flink.configuration.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink SQL script as it will run: its statements with environment variables substituted, and
 * its INSERTs grouped into the jobs they form. Everything here is checked before anything runs,
 * so an unset variable or an unclosed statement set never leaves half a script running.
 *
 * <ul>
 *   <li>{@code SET 'key' = 'value'} sets a Flink option for the statements after it. The SETs at
 *       the top, before any other statement, also configure the execution environment itself
 *       (runtime mode, parallelism, checkpointing, restart strategy).
 *   <li>{@code EXECUTE STATEMENT SET BEGIN ... END} (or {@code BEGIN STATEMENT SET; ... END;}) runs
 *       its INSERTs as one job; so do INSERTs that follow each other outside such a block.
 *   <li>Every other statement ({@code CREATE TABLE}, {@code CREATE VIEW}, {@code SELECT} ...) goes
 *       to Flink's table environment as it is.
 * </ul>
 */
public final class SqlScript {

    /** One thing the runner does. */
    public sealed interface Step permits SetOption, SingleStatement, InsertJob {}

    /** {@code SET 'key' = 'value'}. */
    public record SetOption(SqlStatement statement, String key, String value) implements Step {}

    /** A statement Flink runs on its own. */
    public record SingleStatement(SqlStatement statement) implements Step {}

    /** INSERTs that run together as one job; {@code line} is where the job's first statement starts. */
    public record InsertJob(int line, List<SqlStatement> inserts) implements Step {

        public InsertJob {
            inserts = List.copyOf(inserts);
        }
    }

    private static final Pattern INSERT = Pattern.compile("INSERT\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATEMENT_SET_BEGIN = Pattern.compile(
            "(EXECUTE\\s+STATEMENT\\s+SET\\s+BEGIN|BEGIN\\s+STATEMENT\\s+SET)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATEMENT_SET_END = Pattern.compile("END$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SET = Pattern.compile("SET\\b", Pattern.CASE_INSENSITIVE);
    /** {@code SET 'key' = 'value'}, or the SQL client's older {@code SET key = value}. */
    private static final Pattern SET_OPTION = Pattern.compile(
            "SET\\s+(?:'((?:[^']|'')*)'|([\\w.\\-]+))\\s*=\\s*(?:'((?:[^']|'')*)'|([^'].*))", Pattern.CASE_INSENSITIVE);

    private final List<Step> steps;

    private SqlScript(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Splits, substitutes and groups a script.
     *
     * @param environment the environment variables that <code>${NAME}</code> refers to
     */
    public static SqlScript parse(String script, Map<String, String> environment) throws SqlScriptException {
        StatementVariables variables = new StatementVariables(environment);
        List<SqlStatement> statements = new ArrayList<>();
        for (SqlStatement statement : SqlStatementSplitter.split(script)) {
            statements.add(variables.substitute(statement));
        }
        return new SqlScript(new StepGrouping().group(statements));
    }

    public List<Step> steps() {
        return steps;
    }

    /** The options of the SETs before the first other statement: for the execution environment. */
    public Configuration leadingOptions() {
        Configuration options = new Configuration();
        for (Step step : steps) {
            if (!(step instanceof SetOption set)) {
                break;
            }
            options.setString(set.key(), set.value());
        }
        return options;
    }

    /** Turns the statements into steps, one after the other. */
    private static final class StepGrouping {

        private final List<Step> steps = new ArrayList<>();
        /** INSERTs outside a block, waiting for the statement that ends their run. */
        private final List<SqlStatement> insertRun = new ArrayList<>();
        /** The open block's first statement, or null outside a block. */
        private SqlStatement blockStart;
        private final List<SqlStatement> blockInserts = new ArrayList<>();

        List<Step> group(List<SqlStatement> statements) throws SqlScriptException {
            for (SqlStatement statement : statements) {
                if (blockStart != null) {
                    addToBlock(statement);
                } else if (statement.startsWith(STATEMENT_SET_BEGIN)) {
                    endInsertRun();
                    blockStart = statement;
                } else if (statement.startsWith(STATEMENT_SET_END)) {
                    throw new SqlScriptException(statement, "END without EXECUTE STATEMENT SET BEGIN before it");
                } else if (statement.startsWith(INSERT)) {
                    insertRun.add(statement);
                } else {
                    endInsertRun();
                    steps.add(statement.startsWith(SET) ? setOption(statement) : new SingleStatement(statement));
                }
            }
            if (blockStart != null) {
                throw new SqlScriptException(blockStart, "the statement set has no END");
            }
            endInsertRun();
            return steps;
        }

        private void addToBlock(SqlStatement statement) throws SqlScriptException {
            if (statement.startsWith(STATEMENT_SET_END)) {
                if (blockInserts.isEmpty()) {
                    throw new SqlScriptException(blockStart, "the statement set holds no INSERT");
                }
                steps.add(new InsertJob(blockStart.line(), blockInserts));
                blockInserts.clear();
                blockStart = null;
            } else if (statement.startsWith(INSERT)) {
                blockInserts.add(statement);
            } else {
                throw new SqlScriptException(statement,
                        "only INSERT statements can stand in a statement set (the one that starts on line "
                                + blockStart.line() + "; is its END missing?)");
            }
        }

        private void endInsertRun() {
            if (!insertRun.isEmpty()) {
                steps.add(new InsertJob(insertRun.get(0).line(), insertRun));
                insertRun.clear();
            }
        }

        private static SetOption setOption(SqlStatement statement) throws SqlScriptException {
            Matcher set = SET_OPTION.matcher(statement.text());
            if (!set.matches()) {
                throw new SqlScriptException(statement, "expected SET 'key' = 'value'");
            }
            String key = set.group(1) != null ? set.group(1).replace("''", "'") : set.group(2);
            String value = set.group(3) != null ? set.group(3).replace("''", "'") : set.group(4);
            return new SetOption(statement, key, value);
        }
    }
}
