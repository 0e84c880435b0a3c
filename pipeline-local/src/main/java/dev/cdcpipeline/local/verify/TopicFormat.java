package dev.cdcpipeline.local.verify;

import dev.cdcpipeline.schema.SourceTable;

/** How the records of the topics being reconciled carry a table's rows. */
public enum TopicFormat {

    /**
     * The pipeline's change records (README, "Kafka change records"), each with its source
     * position: a change seen twice or out of order is a mismatch.
     */
    CHANGE_RECORDS {
        @Override
        TopicContents newContents(SourceTable table) {
            return new ChangeRecordContents();
        }
    },

    /**
     * What the scripts in {@code sql/} write with Flink's {@code upsert-kafka}: key = the primary
     * key as JSON, value = the row as JSON, or a tombstone for a delete.
     */
    UPSERT_ROWS {
        @Override
        TopicContents newContents(SourceTable table) {
            return new UpsertRowContents(table.jsonColumns());
        }
    };

    abstract TopicContents newContents(SourceTable table);
}
