package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code text [NOT] LIKE pattern [ESCAPE 'c']} (see {@link LikePattern}); null if either is null.
 * A literal pattern is compiled once; a pattern from a column is compiled for each row.
 *
 * @param escape the escape code point, or -1 for none
 * @param compiled the compiled pattern when it is a literal, else null
 */
record Like(Node operand, Node pattern, int escape, Pattern compiled, boolean negated, int position) implements Node {

    static Node of(Operand operand, Operand pattern, int escape, boolean negated, int position) {
        String symbol = negated ? "NOT LIKE" : "LIKE";
        Operand typedOperand = Typing.requireKind(operand, ValueKind.TEXT, symbol, position);
        Operand typedPattern = Typing.requireKind(pattern, ValueKind.TEXT, symbol, position);
        Pattern compiled = null;
        if (typedPattern.node() instanceof Literal literal && literal.value() != null) {
            try {
                compiled = LikePattern.compile((String) literal.value(), escape);
            } catch (IllegalArgumentException e) {
                throw new ExpressionException(e.getMessage() + " (pattern at " + pattern.start() + ")", pattern.start());
            }
        }
        return new Like(typedOperand.node(), typedPattern.node(), escape, compiled, negated, position);
    }

    @Override
    public ValueKind kind() {
        return ValueKind.BOOLEAN;
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        String text = (String) operand.evaluate(row);
        if (text == null) {
            return null;
        }
        Pattern matcher = compiled;
        if (matcher == null) {
            String patternText = (String) pattern.evaluate(row);
            if (patternText == null) {
                return null;
            }
            try {
                matcher = LikePattern.compile(patternText, escape);
            } catch (IllegalArgumentException e) {
                throw new EvaluationFailure(e.getMessage(), position);
            }
        }
        return matcher.matcher(text).matches() != negated;
    }
}
