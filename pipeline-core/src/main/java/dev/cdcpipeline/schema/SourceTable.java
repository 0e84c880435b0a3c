package dev.cdcpipeline.schema;

import dev.cdcpipeline.change.TableId;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A captured source table: its columns in table order and its primary key columns in key order. */
public record SourceTable(TableId id, List<SourceColumn> columns, List<String> primaryKey)
        implements Serializable {

    public SourceTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        if (primaryKey.isEmpty()) {
            throw new IllegalArgumentException("Table " + id + " has no primary key");
        }
    }

    /** Columns holding JSON, whatever the database calls their type (MariaDB: LONGTEXT). */
    public Set<String> jsonColumns() {
        return columns.stream().filter(column -> column.dataType().equals("json")).map(SourceColumn::name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
