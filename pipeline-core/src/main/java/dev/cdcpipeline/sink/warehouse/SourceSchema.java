package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * A source table as its database describes it now, with what a warehouse table needs to follow it.
 *
 * @param constantDefaults the columns whose DEFAULT is a constant literal, with the literal's text:
 *     rows that exist when such a column is added get it without a change in the log
 * @param columnIds PostgreSQL's {@code attnum} of each column, which a rename keeps and an added
 *     column never reuses; empty for MySQL and MariaDB, whose catalogs have nothing like it
 */
record SourceSchema(SourceTable table, Map<String, String> constantDefaults, Map<String, Integer> columnIds)
        implements Serializable {

    SourceSchema {
        constantDefaults = Map.copyOf(constantDefaults);
        columnIds = Map.copyOf(columnIds);
    }

    Optional<SourceColumn> column(String name) {
        return table.columns().stream().filter(column -> column.name().equals(name)).findFirst();
    }

    boolean has(String name) {
        return column(name).isPresent();
    }

    /** The column's index in table order. */
    int position(String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column " + name + " in " + table.id());
    }
}
