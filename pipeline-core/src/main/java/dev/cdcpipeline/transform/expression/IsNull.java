package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/** {@code x IS [NOT] NULL}: TRUE or FALSE, never null; takes a value of any kind. */
record IsNull(Node operand, boolean negated) implements Node {

    static Node of(Operand operand, boolean negated) {
        return new IsNull(operand.node(), negated);
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOLEAN;
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        return (operand.evaluate(row) == null) != negated;
    }
}
