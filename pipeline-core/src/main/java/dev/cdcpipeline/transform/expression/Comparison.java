package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/** {@code left op right}; null if either side is null, as in SQL. */
record Comparison(ComparisonOperator operator, Node left, Node right) implements Node {

    static Node of(ComparisonOperator operator, String symbol, Operand left, Operand right, int position) {
        Operand[] typed = Typing.comparable(left, right, symbol, position);
        return new Comparison(operator, typed[0].node(), typed[1].node());
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOLEAN;
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        Object leftValue = left.evaluate(row);
        if (leftValue == null) {
            return null;
        }
        return Values.compareOrNull(leftValue, right.evaluate(row), operator);
    }
}
