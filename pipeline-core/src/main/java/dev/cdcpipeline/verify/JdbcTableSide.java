package dev.cdcpipeline.verify;

import dev.cdcpipeline.sink.warehouse.SqlIdentifiers;

import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A table read over JDBC, one streamed query per scan on a fresh read-only connection: MySQL
 * streams row by row ({@code fetchSize = Integer.MIN_VALUE} on a forward-only, read-only statement),
 * PostgreSQL fetches 1000 rows at a time inside a transaction (its driver streams only without
 * autocommit). Nothing of the table is kept.
 */
public final class JdbcTableSide implements TableSide {

    private static final int POSTGRES_FETCH_SIZE = 1000;

    /** Opens a connection to the database the table is in. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final SourceTable table;
    private final ConnectionOpener connections;
    private final boolean postgres;
    private final String query;

    /**
     * @param qualifiedTable the table's name as the query writes it, quoted
     * @param condition a {@code WHERE} clause or empty
     */
    public JdbcTableSide(SourceTable table, ConnectionOpener connections, boolean postgres, String qualifiedTable, String condition) {
        this.table = table;
        this.connections = connections;
        this.postgres = postgres;
        Function<String, String> quote = postgres ? JdbcTableSide::doubleQuote : JdbcTableSide::backQuote;
        String columns = table.columns().stream()
                .map(column -> CanonicalValues.selectExpression(quote.apply(column.name()), column, postgres))
                .collect(Collectors.joining(", "));
        this.query = "SELECT " + columns + " FROM " + qualifiedTable + condition;
    }

    public static String doubleQuote(String name) {
        return SqlIdentifiers.quote(name);
    }

    public static String backQuote(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    @Override
    public void scan(RowConsumer rows) throws SQLException {
        List<SourceColumn> columns = table.columns();
        CanonicalRow canonical = new CanonicalRow(table);
        try (Connection connection = connections.open()) {
            connection.setReadOnly(true);
            if (postgres) {
                connection.setAutoCommit(false);
            }
            try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(postgres ? POSTGRES_FETCH_SIZE : Integer.MIN_VALUE);
                try (ResultSet result = statement.executeQuery(query)) {
                    String[] values = new String[columns.size()];
                    while (result.next()) {
                        for (int i = 0; i < values.length; i++) {
                            values[i] = CanonicalValues.fromResultSetOrNull(result, i + 1, columns.get(i));
                        }
                        rows.accept(canonical.keyText(values), ChunkSums.hash(CanonicalRow.rowText(values)));
                    }
                }
            } finally {
                if (postgres) {
                    connection.rollback();
                }
            }
        }
    }
}
