package dev.cdcpipeline.sink.warehouse;

import java.io.Serializable;

/**
 * A CHECK constraint of a warehouse table, which its owner may add to the table the pipeline
 * created; the pipeline creates none.
 *
 * @param expression as PostgreSQL prints it ({@code pg_get_expr}), e.g. {@code (qty < 1000)}
 */
record CheckConstraint(String name, String expression) implements Serializable {}
