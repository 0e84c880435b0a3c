package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.config.WarehouseSettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the warehouse whether a row passes its table's CHECK constraints, before a writer meets the
 * violation: a row that fails one fails its whole batch, and the job would restart on it again and
 * again. One query per change of a table that has such constraints (the tables the pipeline
 * creates have none): the row's values, typed and defaulted exactly as the writer binds them,
 * under the table's column names, and each constraint's expression over them. NULL passes, as it
 * does for a CHECK. Not thread-safe: one per router instance.
 */
final class CheckConstraintQuery implements AutoCloseable {

    private final WarehouseSettings warehouse;
    private final Map<LiveTable, PreparedStatement> statements = new IdentityHashMap<>();
    private Connection connection;

    CheckConstraintQuery(WarehouseSettings warehouse) {
        this.warehouse = warehouse;
    }

    /** The table's constraints the row violates; empty when it passes them all. */
    List<CheckConstraint> violated(LiveTable table, Map<String, Object> row) throws SQLException {
        try {
            PreparedStatement statement = statementFor(table);
            ChangeEventUpsert.bindData(statement, table, row);
            List<CheckConstraint> violated = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                for (int index = 0; index < table.checks().size(); index++) {
                    if (result.getBoolean(index + 1)) {
                        violated.add(table.checks().get(index));
                    }
                }
            }
            return violated;
        } catch (SQLException e) {
            // The next change opens a new connection: this one may be broken.
            close();
            throw e;
        }
    }

    private PreparedStatement statementFor(LiveTable table) throws SQLException {
        if (connection == null) {
            connection = WarehouseSchemaSetup.open(warehouse);
        }
        PreparedStatement statement = statements.get(table);
        if (statement == null) {
            String violations = table.checks().stream().map(check -> "(" + check.expression() + ") IS FALSE")
                    .collect(Collectors.joining(", "));
            String columns = table.columns().stream().map(LiveColumn::quotedName).collect(Collectors.joining(", "));
            statement = connection.prepareStatement("SELECT " + violations + " FROM (SELECT "
                    + ChangeEventUpsert.dataParameters(table) + ") AS candidate (" + columns + ")");
            statements.put(table, statement);
        }
        return statement;
    }

    @Override
    public void close() {
        statements.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing a broken connection: nothing left to release.
            }
            connection = null;
        }
    }
}
