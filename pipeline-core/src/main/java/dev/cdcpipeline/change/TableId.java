package dev.cdcpipeline.change;

import java.io.Serializable;
import java.util.Objects;

/** A source table: its database and its name. */
public record TableId(String database, String table) implements Serializable, Comparable<TableId> {

    public TableId {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    /** {@code database.table}, the form Flink CDC's table lists use. */
    public String qualifiedName() {
        return database + "." + table;
    }

    @Override
    public int compareTo(TableId other) {
        int byDatabase = database.compareTo(other.database);
        return byDatabase != 0 ? byDatabase : table.compareTo(other.table);
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
