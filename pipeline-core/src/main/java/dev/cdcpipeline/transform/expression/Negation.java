package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.util.Map;

/** Unary minus. */
record Negation(Node operand, ValueKind kind, int position) implements Node {

    static Node of(Operand operand, int position) {
        Operand typed = Typing.requireNumber(operand, "-", position);
        return new Negation(typed.node(), typed.kind(), position);
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        Object value = operand.evaluate(row);
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case INTEGER -> negate((long) value);
            case DECIMAL -> ((BigDecimal) value).negate();
            case DOUBLE -> -(double) value;
            default -> throw new IllegalStateException("negation of " + kind);
        };
    }

    private long negate(long value) {
        if (value == Long.MIN_VALUE) {
            throw new EvaluationFailure("integer overflow: the result of '-' does not fit a BIGINT", position);
        }
        return -value;
    }
}
