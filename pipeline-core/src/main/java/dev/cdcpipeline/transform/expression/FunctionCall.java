package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A call of a {@link BuiltInFunction}. */
record FunctionCall(BuiltInFunction function, List<Node> arguments, ValueKind kind, int position) implements Node {

    static Node of(BuiltInFunction function, List<Operand> arguments, int position) {
        FunctionArguments checked = new FunctionArguments(function.functionName(), position, arguments);
        ValueKind kind = function.resultKind(checked);
        return new FunctionCall(function, checked.nodes(), kind, position);
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        List<Object> values = new ArrayList<>(arguments.size());
        for (Node argument : arguments) {
            Object value = argument.evaluate(row);
            if (value == null && function.nullInNullOut()) {
                return null;
            }
            values.add(value);
        }
        try {
            return function.apply(values);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new EvaluationFailure(function.functionName() + ": " + e.getMessage(), position);
        }
    }
}
