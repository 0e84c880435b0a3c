package dev.cdcpipeline.schema;

import java.io.Serializable;

/**
 * A column of a source table as the source database describes it.
 *
 * @param dataType the type's name in lower case, without size or sign ({@code bigint}), in MySQL's
 *     words; PostgreSQL types are named by their MySQL counterpart ({@code timestamp} for
 *     timestamptz, {@code datetime} for timestamp), plus {@code uuid} and {@code boolean}
 * @param unsigned whether an integer or decimal type is UNSIGNED
 * @param length the maximum character length of character types, else 0
 * @param precision total digits of DECIMAL, else 0
 * @param scale digits after the point of DECIMAL, else 0
 * @param fractionalSeconds digits of fractional seconds of DATETIME, TIMESTAMP and TIME, else 0
 * @param array whether the column holds an array of {@code dataType} values (PostgreSQL)
 */
public record SourceColumn(
        String name,
        String dataType,
        boolean unsigned,
        long length,
        int precision,
        int scale,
        int fractionalSeconds,
        boolean nullable,
        boolean array)
        implements Serializable {}
