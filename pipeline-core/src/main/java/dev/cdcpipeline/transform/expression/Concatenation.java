package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/**
 * {@code left || right}: text joined, null if either side is null (SQL's rule; concat() skips
 * nulls instead). One side must be TEXT; the other may be any kind with a text form, rendered as
 * CAST(x AS TEXT) would ({@code 'order-' || id}).
 */
record Concatenation(Node left, Node right) implements Node {

    static Node of(Operand left, Operand right, int position) {
        Operand typedLeft = left.as(ValueKind.TEXT);
        Operand typedRight = right.as(ValueKind.TEXT);
        if (typedLeft.kind() != ValueKind.TEXT && typedRight.kind() != ValueKind.TEXT) {
            throw new ExpressionException(typedLeft.describe() + " is " + typedLeft.kind() + " and " + typedRight.describe()
                    + " is " + typedRight.kind() + ", '||' at " + position + " needs TEXT on at least one side;"
                    + " '+' adds numbers", position);
        }
        for (Operand operand : new Operand[] {typedLeft, typedRight}) {
            if (!TextRendering.renderable(operand.kind())) {
                throw Typing.mismatch(operand, "||", position, "values with a text form");
            }
        }
        return new Concatenation(typedLeft.node(), typedRight.node());
    }

    @Override
    public ValueKind kind() {
        return ValueKind.TEXT;
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
        return TextRendering.render(leftValue) + TextRendering.render(rightValue);
    }
}
