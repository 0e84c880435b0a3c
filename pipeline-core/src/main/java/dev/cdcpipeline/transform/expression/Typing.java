package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

/**
 * The compile-time checks operators share. Messages read
 * {@code 'status' is TEXT, '+' at 7 needs numbers}: the operand as written, its kind, the operator
 * and where it is, and what it takes.
 */
final class Typing {

    private Typing() {}

    static Operand requireKind(Operand operand, ValueKind kind, String operator, int position) {
        Operand typed = operand.as(kind);
        if (typed.kind() != kind) {
            throw mismatch(typed, operator, position, kind.toString());
        }
        return typed;
    }

    /** A number; a bare NULL becomes an INTEGER null, the narrowest kind, which widens to any other. */
    static Operand requireNumber(Operand operand, String operator, int position) {
        Operand typed = operand.as(ValueKind.INTEGER);
        if (!typed.kind().numeric()) {
            throw mismatch(typed, operator, position, "numbers");
        }
        return typed;
    }

    static ExpressionException mismatch(Operand operand, String operator, int position, String needs) {
        return new ExpressionException(operand.describe() + " is " + operand.kind() + ", "
                + Operand.quote(operator) + " at " + position + " needs " + needs, operand.start());
    }

    /**
     * Checks that two operands can be compared: both numbers (of any kinds), or both of the same
     * comparable kind. A bare NULL takes the other side's kind.
     *
     * @return the two operands, bare NULLs typed
     */
    static Operand[] comparable(Operand left, Operand right, String operator, int position) {
        if (left.isUntypedNull() && right.isUntypedNull()) {
            left.requireTyped("on both sides of " + Operand.quote(operator));
        }
        Operand typedLeft = left.as(right.kind());
        Operand typedRight = right.as(typedLeft.kind());
        for (Operand operand : new Operand[] {typedLeft, typedRight}) {
            if (!operand.kind().comparable()) {
                String hint = operand.kind() == ValueKind.JSON ? "; CAST(... AS TEXT) compares the JSON's text" : "";
                throw new ExpressionException(operand.describe() + " is " + operand.kind() + ", "
                        + Operand.quote(operator) + " at " + position
                        + " needs numbers, text, booleans, dates or times" + hint, operand.start());
            }
        }
        ValueKind leftKind = typedLeft.kind();
        ValueKind rightKind = typedRight.kind();
        if (leftKind == rightKind || (leftKind.numeric() && rightKind.numeric())) {
            return new Operand[] {typedLeft, typedRight};
        }
        throw new ExpressionException(typedLeft.describe() + " is " + leftKind + " and " + typedRight.describe()
                + " is " + rightKind + ", " + Operand.quote(operator) + " at " + position
                + " compares values of the same kind" + comparisonHint(leftKind, rightKind), position);
    }

    private static String comparisonHint(ValueKind left, ValueKind right) {
        if ((left == ValueKind.DATETIME && right == ValueKind.TIMESTAMP)
                || (left == ValueKind.TIMESTAMP && right == ValueKind.DATETIME)) {
            return ": a DATETIME is a wall-clock time without a time zone and a TIMESTAMP is a point in time,"
                    + " so comparing them needs a time zone; compare each with a literal of its own kind,"
                    + " DATETIME '2024-01-01 00:00:00' or TIMESTAMP '2024-01-01T00:00:00Z'";
        }
        if (left == ValueKind.TEXT || right == ValueKind.TEXT) {
            return "; CAST one side to the other's kind";
        }
        if (left == ValueKind.DATE || right == ValueKind.DATE) {
            return "; CAST(... AS DATE) or CAST(... AS DATETIME) makes them the same kind";
        }
        return "";
    }
}
