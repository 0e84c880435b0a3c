package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;

/** {@code CAST(x AS type)}, see {@link Conversions}; null stays null. */
record Cast(Node operand, CastTarget target, int position) implements Node {

    static Node of(Operand operand, CastTarget target, int position) {
        Operand typed = operand.as(target.kind());
        if (!Conversions.allowed(typed.kind(), target.kind())) {
            throw new ExpressionException(typed.describe() + " is " + typed.kind() + ", CAST at " + position
                    + " cannot make it " + target.describe() + castHint(typed.kind(), target.kind()), operand.start());
        }
        return new Cast(typed.node(), target, position);
    }

    private static String castHint(ValueKind from, ValueKind to) {
        boolean zoned = from == ValueKind.TIMESTAMP || to == ValueKind.TIMESTAMP;
        boolean wallClock = from == ValueKind.DATETIME || from == ValueKind.DATE || to == ValueKind.DATETIME || to == ValueKind.DATE;
        if (zoned && wallClock) {
            return ": between a point in time and a wall-clock time lies a time zone, which an expression does not choose";
        }
        return "";
    }

    @Override
    public ValueKind kind() {
        return target.kind();
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        Object value = operand.evaluate(row);
        if (value == null) {
            return null;
        }
        try {
            return Conversions.convert(value, target);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new EvaluationFailure("CAST to " + target.describe() + ": " + e.getMessage(), position);
        }
    }
}
