package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/** A constant; {@code kind} is null for a bare NULL until its place gives it one (see {@link Operand#as}). */
record Literal(Object value, ValueKind kind) implements Node {

    @Override
    public Object evaluate(Map<String, Object> row) {
        return value;
    }
}
