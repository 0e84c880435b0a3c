package dev.cdcpipeline.sink.features;

import dev.cdcpipeline.features.FeatureRecord;
import dev.cdcpipeline.sink.warehouse.JdbcValues;

import org.apache.flink.connector.jdbc.datasource.statements.JdbcQueryStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes one feature record to a {@link FeatureTable} with one statement, so that
 * flink-connector-jdbc can batch it. The statement is guarded by {@code valid_at} and
 * {@code computed_at} (see {@link FeatureTable}), so replays after a restore change nothing.
 */
public final class FeatureRecordUpsert implements JdbcQueryStatement<FeatureRecord> {

    private static final long serialVersionUID = 1L;

    private final FeatureTable table;
    private final String query;

    public FeatureRecordUpsert(FeatureTable table) {
        this.table = table;
        this.query = table.upsertStatement();
    }

    @Override
    public String query() {
        return query;
    }

    @Override
    public void statement(PreparedStatement statement, FeatureRecord record) throws SQLException {
        if (!record.view().equals(table.view())) {
            throw new IllegalStateException("A record of feature view " + record.view() + " reached table " + table.name());
        }
        int index = 1;
        JdbcValues.bind(statement, index++, record.entity());
        for (FeatureTable.Column feature : table.features()) {
            JdbcValues.bind(statement, index++, record.features().get(feature.name()));
        }
        JdbcValues.bind(statement, index++, Instant.ofEpochMilli(record.validAtMillis()));
        JdbcValues.bind(statement, index++, Instant.ofEpochMilli(record.computedAtMillis()));
        statement.setBoolean(index, record.last());
    }
}
