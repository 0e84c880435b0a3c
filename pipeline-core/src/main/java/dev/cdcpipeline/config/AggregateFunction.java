package dev.cdcpipeline.config;

/**
 * What a feature aggregates over the rows of an entity inside a window. Written in the YAML in
 * lower case with dashes: {@code count}, {@code sum}, {@code avg}, {@code min}, {@code max},
 * {@code latest}, {@code count-distinct}.
 */
public enum AggregateFunction {
    /** The number of rows; with a column, the number of rows where it is not null. */
    COUNT,
    /** The sum of a numeric column; 0 when no row is in the window. */
    SUM,
    /** The mean of a numeric column (exact decimal for integers and decimals); null when no value. */
    AVG,
    MIN,
    MAX,
    /** The column's value in the row with the latest event time. */
    LATEST,
    /** The number of distinct non-null values of a column. */
    COUNT_DISTINCT;

    /** Whether the function needs {@code column}: all but {@link #COUNT}. */
    public boolean needsColumn() {
        return this != COUNT;
    }

    /** Whether the column must be numeric. */
    public boolean needsNumericColumn() {
        return this == SUM || this == AVG;
    }
}
