package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code coalesce(a, b, ...)}: the first argument that is not null, else null. The arguments are
 * of one kind, or numbers of mixed kinds (given in the widest, as arithmetic does). Arguments after
 * the first non-null one are not evaluated, so {@code coalesce(price, 1 / 0)} only fails when
 * price is null.
 */
record Coalesce(List<Node> arguments, ValueKind kind) implements Node {

    static Node of(List<Operand> arguments, int position) {
        ValueKind kind = null;
        Operand first = null;
        for (Operand argument : arguments) {
            if (argument.isUntypedNull()) {
                continue;
            }
            if (kind == null) {
                kind = argument.kind();
                first = argument;
            } else if (kind.numeric() && argument.kind().numeric()) {
                kind = Numbers.widest(kind, argument.kind());
            } else if (kind != argument.kind()) {
                throw new ExpressionException(first.describe() + " is " + kind + " and " + argument.describe() + " is "
                        + argument.kind() + ", coalesce at " + position + " needs arguments of one kind", argument.start());
            }
        }
        if (kind == null) {
            arguments.get(0).requireTyped("when all of coalesce's arguments are NULL");
        }
        List<Node> nodes = new ArrayList<>();
        for (Operand argument : arguments) {
            nodes.add(argument.as(kind).node());
        }
        return new Coalesce(List.copyOf(nodes), kind);
    }

    @Override
    public Object evaluate(Map<String, Object> row) {
        for (Node argument : arguments) {
            Object value = argument.evaluate(row);
            if (value != null) {
                return kind.numeric() ? Numbers.widen(value, kind) : value;
            }
        }
        return null;
    }
}
