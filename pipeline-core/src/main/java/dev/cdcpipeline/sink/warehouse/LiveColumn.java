package dev.cdcpipeline.sink.warehouse;

import java.io.Serializable;

/**
 * A data column of a warehouse table as the warehouse's catalog describes it now, which may differ
 * from the plan: the table may have evolved in an earlier run, or its owner may have changed it.
 *
 * @param defaultExpression the column's DEFAULT as PostgreSQL prints it, or {@code null} without one
 */
record LiveColumn(String name, ColumnType type, boolean notNull, String defaultExpression, boolean primaryKey)
        implements Serializable {

    String quotedName() {
        return SqlIdentifiers.quote(name);
    }
}
