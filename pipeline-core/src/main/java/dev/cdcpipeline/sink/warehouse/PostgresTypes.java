package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.schema.SourceColumn;

/** The PostgreSQL column type that holds every value of a MySQL/MariaDB column exactly. */
public final class PostgresTypes {

    private PostgresTypes() {}

    public static String of(SourceColumn column) {
        return column.array() ? elementType(column) + "[]" : elementType(column);
    }

    private static String elementType(SourceColumn column) {
        return switch (column.dataType()) {
            // An unsigned type needs the next wider signed type; BIGINT UNSIGNED needs 20 digits.
            case "tinyint" -> "smallint";
            // Only PostgreSQL sources say boolean: MySQL's BOOLEAN is TINYINT(1), numbers 0 and 1.
            case "bool", "boolean" -> "boolean";
            case "uuid" -> "uuid";
            case "smallint" -> column.unsigned() ? "integer" : "smallint";
            case "mediumint" -> "integer";
            case "int", "integer" -> column.unsigned() ? "bigint" : "integer";
            case "bigint" -> column.unsigned() ? "numeric(20,0)" : "bigint";
            // Precision 0: PostgreSQL's numeric without a limit on digits.
            case "decimal", "numeric" -> column.precision() == 0 ? "numeric" : "numeric(" + column.precision() + "," + column.scale() + ")";
            case "float" -> "real";
            case "double", "real" -> "double precision";
            case "bit" -> column.precision() <= 1 ? "boolean" : "bytea";
            case "year" -> "smallint";
            // Length 0: PostgreSQL's varchar without a limit.
            case "char", "varchar" -> column.length() == 0 ? "text" : "varchar(" + column.length() + ")";
            case "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> "text";
            case "json" -> "jsonb";
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> "bytea";
            case "date" -> "date";
            case "datetime" -> "timestamp(" + column.fractionalSeconds() + ")";
            case "timestamp" -> "timestamptz(" + column.fractionalSeconds() + ")";
            case "time" -> "time(" + column.fractionalSeconds() + ")";
            default -> throw new IllegalArgumentException(
                    "No warehouse type for column " + column.name() + " of type " + column.dataType());
        };
    }
}
