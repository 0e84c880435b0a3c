package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/**
 * AND and OR in SQL's three-valued logic, where null means "unknown": {@code NULL AND FALSE} is
 * FALSE, {@code NULL OR TRUE} is TRUE, and otherwise a null side makes the result null. The right
 * side is not evaluated when the left side decides the result.
 */
record Logical(boolean and, Node left, Node right) implements Node {

    static Node of(boolean and, Operand left, Operand right, int position) {
        String symbol = and ? "AND" : "OR";
        Operand typedLeft = Typing.requireKind(left, ValueKind.BOOLEAN, symbol, position);
        Operand typedRight = Typing.requireKind(right, ValueKind.BOOLEAN, symbol, position);
        return new Logical(and, typedLeft.node(), typedRight.node());
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOLEAN;
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        // AND is decided by a FALSE side, OR by a TRUE side.
        Boolean deciding = !and;
        Boolean leftValue = (Boolean) left.evaluate(row);
        if (deciding.equals(leftValue)) {
            return deciding;
        }
        Boolean rightValue = (Boolean) right.evaluate(row);
        if (deciding.equals(rightValue)) {
            return deciding;
        }
        return leftValue == null || rightValue == null ? null : !deciding;
    }
}
