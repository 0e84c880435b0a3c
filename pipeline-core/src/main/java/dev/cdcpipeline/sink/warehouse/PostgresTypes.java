package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.schema.SourceColumn;

/** The PostgreSQL column type that holds every value of a MySQL/MariaDB column exactly. */
final class PostgresTypes {

    private PostgresTypes() {}

    static String of(SourceColumn column) {
        return switch (column.dataType()) {
            // An unsigned type needs the next wider signed type; BIGINT UNSIGNED needs 20 digits.
            case "tinyint", "bool", "boolean" -> "smallint";
            case "smallint" -> column.unsigned() ? "integer" : "smallint";
            case "mediumint" -> "integer";
            case "int", "integer" -> column.unsigned() ? "bigint" : "integer";
            case "bigint" -> column.unsigned() ? "numeric(20,0)" : "bigint";
            case "decimal", "numeric" -> "numeric(" + column.precision() + "," + column.scale() + ")";
            case "float" -> "real";
            case "double", "real" -> "double precision";
            case "bit" -> column.precision() <= 1 ? "boolean" : "bytea";
            case "year" -> "smallint";
            case "char", "varchar" -> "varchar(" + column.length() + ")";
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
