package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.io.Serializable;
import java.util.Map;

/**
 * A typed, compiled part of an expression. Nodes are immutable and serializable: a compiled
 * expression travels inside Flink operators.
 */
interface Node extends Serializable {

    /** The kind of every non-null value {@link #evaluate} returns; null only for an untyped NULL literal. */
    ValueKind kind();

    /**
     * The node's value for a row: an instance of {@code kind().javaType()}, or null.
     *
     * @throws EvaluationFailure when the row's values cannot be combined as the expression asks
     */
    Object evaluate(Map<String, Object> row);
}
