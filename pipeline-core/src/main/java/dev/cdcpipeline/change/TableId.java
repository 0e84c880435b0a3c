package dev.cdcpipeline.change;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * A captured table: the pipeline source it comes from, its database (MySQL) or schema
 * (PostgreSQL), and its name. The source name keeps tables of two sources apart.
 */
public record TableId(String source, String database, String table) implements Serializable, Comparable<TableId> {

    private static final Comparator<TableId> ORDER =
            Comparator.comparing(TableId::source).thenComparing(TableId::database).thenComparing(TableId::table);

    public TableId {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    /** {@code database.table}, as the source database and Flink CDC's table lists name it. */
    public String qualifiedName() {
        return database + "." + table;
    }

    @Override
    public int compareTo(TableId other) {
        return ORDER.compare(this, other);
    }

    /** {@code source:database.table} */
    @Override
    public String toString() {
        return source + ":" + qualifiedName();
    }
}
