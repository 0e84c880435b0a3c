package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/** NOT; {@code NOT NULL} is null. */
record Not(Node operand) implements Node {

    static Node of(Operand operand, int position) {
        Operand typed = Typing.requireKind(operand, ValueKind.BOOLEAN, "NOT", position);
        return new Not(typed.node());
    }

    /** Negates a three-valued result: null stays null. */
    static Boolean negate(Boolean value) {
        return value == null ? null : !value;
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOLEAN;
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        return negate((Boolean) operand.evaluate(row));
    }
}
