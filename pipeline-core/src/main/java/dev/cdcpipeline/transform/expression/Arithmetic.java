package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/**
 * {@code left op right} on numbers, in the widest kind of the two ({@link Numbers#widest}), except
 * that INTEGER / INTEGER is a DECIMAL. Null if either side is null.
 */
record Arithmetic(ArithmeticOperator operator, Node left, Node right, ValueKind kind, int position) implements Node {

    static Node of(ArithmeticOperator operator, Operand left, Operand right, int position) {
        if (left.isUntypedNull() && right.isUntypedNull()) {
            left.requireTyped("on both sides of " + Operand.quote(operator.symbol()));
        }
        Operand typedLeft = Typing.requireNumber(left.as(right.kind()), operator.symbol(), position);
        Operand typedRight = Typing.requireNumber(right.as(typedLeft.kind()), operator.symbol(), position);
        ValueKind kind = Numbers.widest(typedLeft.kind(), typedRight.kind());
        if (operator == ArithmeticOperator.DIVIDE && kind == ValueKind.INTEGER) {
            kind = ValueKind.DECIMAL;
        }
        return new Arithmetic(operator, typedLeft.node(), typedRight.node(), kind, position);
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        Object leftValue = left.evaluate(row);
        if (leftValue == null) {
            return null;
        }
        Object rightValue = right.evaluate(row);
        if (rightValue == null) {
            return null;
        }
        try {
            return switch (kind) {
                case INTEGER -> operator.apply((long) leftValue, (long) rightValue);
                case DECIMAL -> operator.apply(Numbers.toDecimal(leftValue), Numbers.toDecimal(rightValue));
                case DOUBLE -> operator.apply(((Number) leftValue).doubleValue(), ((Number) rightValue).doubleValue());
                default -> throw new IllegalStateException("arithmetic on " + kind);
            };
        } catch (ArithmeticException e) {
            throw new EvaluationFailure(e.getMessage() + " in " + Operand.quote(operator.symbol()), position);
        }
    }
}
