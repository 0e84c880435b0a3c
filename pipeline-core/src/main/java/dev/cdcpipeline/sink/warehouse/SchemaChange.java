package dev.cdcpipeline.sink.warehouse;

import java.io.Serializable;

/**
 * One change that brings a warehouse table up to its source table, as idempotent DDL: running it
 * again, or after another writer ran it, changes nothing (the evolver re-plans under a table lock).
 */
sealed interface SchemaChange extends Serializable {

    /** The statement, for the table {@code qualifiedTable} ({@code "schema"."table"}). */
    String ddl(String qualifiedTable);

    /** What the warehouse did, for logs and the restart message: {@code added column c}. */
    String done();

    /** What happened at the source, for the message that stops the job: {@code column 'c' was added}. */
    String happened();

    /**
     * A column the source added. {@code defaultLiteral}, the source's constant DEFAULT or null, fills
     * the rows that exist, as the source filled them without a change in its log.
     */
    record AddColumn(String name, ColumnType type, String defaultLiteral) implements SchemaChange {
        @Override
        public String ddl(String qualifiedTable) {
            return "ALTER TABLE " + qualifiedTable + " ADD COLUMN IF NOT EXISTS " + SqlIdentifiers.quote(name) + " " + type.sql()
                    + (defaultLiteral == null ? "" : " DEFAULT " + ConstantDefaults.sql(defaultLiteral, type));
        }

        @Override
        public String done() {
            return "added column " + name;
        }

        @Override
        public String happened() {
            return "column '" + name + "' was added";
        }
    }

    /** A column the source renamed (PostgreSQL: the same attnum under a new name). */
    record RenameColumn(String from, String to) implements SchemaChange {
        @Override
        public String ddl(String qualifiedTable) {
            return "ALTER TABLE " + qualifiedTable + " RENAME COLUMN " + SqlIdentifiers.quote(from) + " TO " + SqlIdentifiers.quote(to);
        }

        @Override
        public String done() {
            return "renamed column " + from + " to " + to;
        }

        @Override
        public String happened() {
            return "column '" + from + "' was renamed to '" + to + "'";
        }
    }

    /** A column whose source type now holds values the warehouse type cannot; {@code to} holds both. */
    record WidenColumn(String name, ColumnType from, ColumnType to) implements SchemaChange {
        @Override
        public String ddl(String qualifiedTable) {
            String column = SqlIdentifiers.quote(name);
            return "ALTER TABLE " + qualifiedTable + " ALTER COLUMN " + column + " TYPE " + to.sql()
                    + " USING " + column + "::" + to.sql();
        }

        @Override
        public String done() {
            return "widened column " + name + " from " + from.sql() + " to " + to.sql();
        }

        @Override
        public String happened() {
            return "column '" + name + "' now holds values that need " + to.sql() + " (the warehouse column is " + from.sql() + ")";
        }
    }

    /**
     * A column the source dropped that is NOT NULL in the warehouse: the warehouse keeps the column
     * and its history, and rows written from now on hold NULL there.
     */
    record DropNotNull(String name) implements SchemaChange {
        @Override
        public String ddl(String qualifiedTable) {
            return "ALTER TABLE " + qualifiedTable + " ALTER COLUMN " + SqlIdentifiers.quote(name) + " DROP NOT NULL";
        }

        @Override
        public String done() {
            return "made column " + name + " nullable";
        }

        @Override
        public String happened() {
            return "column '" + name + "' was dropped, and it is NOT NULL in the warehouse";
        }
    }
}
