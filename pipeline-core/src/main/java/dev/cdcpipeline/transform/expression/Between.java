package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/**
 * {@code x [NOT] BETWEEN low AND high}, which is {@code x >= low AND x <= high} (bounds included,
 * in that order: {@code 5 BETWEEN 10 AND 1} is FALSE), with AND's three-valued logic.
 */
record Between(Node operand, Node low, Node high, boolean negated) implements Node {

    static Node of(Operand operand, Operand low, Operand high, boolean negated, int position) {
        String symbol = negated ? "NOT BETWEEN" : "BETWEEN";
        Operand typedOperand = operand.as(low.kind()).as(high.kind());
        Operand[] withLow = Typing.comparable(typedOperand, low, symbol, position);
        Operand[] withHigh = Typing.comparable(withLow[0], high, symbol, position);
        return new Between(withHigh[0].node(), withLow[1].node(), withHigh[1].node(), negated);
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOLEAN;
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        Object value = operand.evaluate(row);
        if (value == null) {
            return null;
        }
        Boolean aboveLow = Values.compareOrNull(value, low.evaluate(row), ComparisonOperator.GREATER_OR_EQUAL);
        if (Boolean.FALSE.equals(aboveLow)) {
            return negated;
        }
        Boolean belowHigh = Values.compareOrNull(value, high.evaluate(row), ComparisonOperator.LESS_OR_EQUAL);
        if (Boolean.FALSE.equals(belowHigh)) {
            return negated;
        }
        return aboveLow == null || belowHigh == null ? null : !negated;
    }
}
