package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code x [NOT] IN (a, b, ...)}: TRUE if x equals an item; otherwise null if x or an item is
 * null (it might have been equal), else FALSE. NOT IN negates that, so {@code 1 NOT IN (2, NULL)}
 * is null, as in SQL.
 */
record InList(Node operand, List<Node> items, boolean negated) implements Node {

    static Node of(Operand operand, List<Operand> items, boolean negated, int position) {
        String symbol = negated ? "NOT IN" : "IN";
        // A bare NULL operand takes its kind from the first item that has one.
        Operand typedOperand = operand;
        for (Operand item : items) {
            typedOperand = typedOperand.as(item.kind());
        }
        typedOperand.requireTyped("in " + symbol + " when all the items are NULL too");
        List<Node> itemNodes = new ArrayList<>();
        for (Operand item : items) {
            itemNodes.add(Typing.comparable(typedOperand, item, symbol, position)[1].node());
        }
        return new InList(typedOperand.node(), List.copyOf(itemNodes), negated);
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
        boolean sawNull = false;
        for (Node item : items) {
            Object itemValue = item.evaluate(row);
            if (itemValue == null) {
                sawNull = true;
            } else if (Values.compare(value, itemValue) == 0) {
                return !negated;
            }
        }
        return sawNull ? null : negated;
    }
}
