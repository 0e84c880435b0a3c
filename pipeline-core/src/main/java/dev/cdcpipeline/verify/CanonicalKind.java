package dev.cdcpipeline.verify;

import dev.cdcpipeline.schema.SourceColumn;

/**
 * How a column's values are compared across the source, the warehouse and the Kafka JSON: each
 * kind has one canonical text, reached from each side's own representation. Coarser than
 * {@link dev.cdcpipeline.schema.ValueKind}: every integer and decimal is a {@link #NUMBER}, since
 * the warehouse may keep a source integer in a wider type.
 */
enum CanonicalKind {
    NUMBER,
    FLOATING,
    BOOLEAN,
    TEXT,
    JSON,
    BYTES,
    DATE,
    DATE_TIME,
    TIMESTAMP,
    TIME;

    static CanonicalKind of(SourceColumn column) {
        return switch (column.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "year" -> NUMBER;
            case "bool", "boolean" -> BOOLEAN;
            case "float", "double", "real" -> FLOATING;
            case "bit" -> column.precision() <= 1 ? BOOLEAN : BYTES;
            case "json" -> JSON;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> BYTES;
            case "date" -> DATE;
            case "datetime" -> DATE_TIME;
            case "timestamp" -> TIMESTAMP;
            case "time" -> TIME;
            default -> TEXT;
        };
    }
}
