package dev.cdcpipeline.sql;

import dev.cdcpipeline.sql.SqlScript.InsertJob;
import dev.cdcpipeline.sql.SqlScript.SetOption;
import dev.cdcpipeline.sql.SqlScript.SingleStatement;
import dev.cdcpipeline.sql.SqlScript.Step;
import dev.cdcpipeline.sql.functions.SqlFunctions;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a {@link SqlScript} on whatever Flink the caller provides (the cluster a job jar was
 * submitted to, or a mini-cluster in this JVM) with the project's functions registered
 * ({@link SqlFunctions}). Statements run in order; each INSERT job is submitted when the script
 * reaches it and left running. Rows of queries ({@code SELECT}, {@code SHOW}) are printed.
 */
public final class SqlScriptRunner {

    private final StreamTableEnvironment tables;
    private final PrintStream out;
    private final List<StartedJob> started = new ArrayList<>();

    private SqlScriptRunner(StreamTableEnvironment tables, PrintStream out) {
        this.tables = tables;
        this.out = out;
    }

    /**
     * Runs the script's statements and starts its jobs.
     *
     * @param environments makes the execution environment from the options of the script's leading SETs
     * @param out where job starts and query results are printed
     * @throws SqlScriptException if a statement fails; the jobs the script started before it are cancelled
     */
    public static RunningScript start(
            SqlScript script, Function<Configuration, StreamExecutionEnvironment> environments, PrintStream out)
            throws SqlScriptException {
        Configuration leadingOptions = script.leadingOptions();
        StreamExecutionEnvironment environment = environments.apply(leadingOptions);
        StreamTableEnvironment tables = StreamTableEnvironment.create(
                environment, EnvironmentSettings.newInstance().withConfiguration(leadingOptions).build());
        SqlFunctions.registerAll(tables);
        SqlScriptRunner runner = new SqlScriptRunner(tables, out);
        boolean detached = !environment.getConfiguration().get(DeploymentOptions.ATTACHED);
        try {
            for (Step step : script.steps()) {
                runner.run(step);
            }
        } catch (SqlScriptException e) {
            new RunningScript(runner.started, detached).cancelAll();
            throw e;
        }
        return new RunningScript(runner.started, detached);
    }

    private void run(Step step) throws SqlScriptException {
        if (step instanceof SetOption set) {
            tables.getConfig().set(set.key(), set.value());
        } else if (step instanceof SingleStatement single) {
            runSingle(single.statement());
        } else if (step instanceof InsertJob job) {
            startInsertJob(job);
        }
    }

    private void runSingle(SqlStatement statement) throws SqlScriptException {
        try {
            TableResult result = tables.executeSql(statement.text());
            if (result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) {
                try (CloseableIterator<Row> rows = result.collect()) {
                    rows.forEachRemaining(out::println);
                }
            }
        } catch (Exception e) {
            throw SqlScriptException.rejected(statement, e);
        }
    }

    private void startInsertJob(InsertJob job) throws SqlScriptException {
        StatementSet statementSet = tables.createStatementSet();
        for (SqlStatement insert : job.inserts()) {
            try {
                statementSet.addInsertSql(insert.text());
            } catch (RuntimeException e) {
                throw SqlScriptException.rejected(insert, e);
            }
        }
        TableResult result;
        try {
            result = statementSet.execute();
        } catch (RuntimeException e) {
            throw planningFailure(job, e);
        }
        String description = job.inserts().size() == 1 ? "1 INSERT" : job.inserts().size() + " INSERTs";
        StartedJob startedJob = new StartedJob(result.getJobClient().orElseThrow(), job.line(), description);
        started.add(startedJob);
        out.println("line " + job.line() + ": " + description + " started as Flink job " + startedJob.client().getJobID());
    }

    /**
     * Planning a statement set fails for all its INSERTs at once. Planning each alone again finds
     * the one at fault, so that the error can name its line.
     */
    private SqlScriptException planningFailure(InsertJob job, RuntimeException failure) {
        for (SqlStatement insert : job.inserts()) {
            try {
                tables.explainSql(insert.text());
            } catch (RuntimeException e) {
                return SqlScriptException.rejected(insert, e);
            }
        }
        return SqlScriptException.rejected(job.inserts().get(0), failure);
    }
}
