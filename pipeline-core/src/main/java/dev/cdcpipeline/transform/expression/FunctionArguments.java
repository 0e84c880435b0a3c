package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.util.ArrayList;
import java.util.List;

/** The arguments of a function call while it is compiled: checks their kinds and types bare NULLs. */
final class FunctionArguments {

    private final String function;
    private final int position;
    private final List<Operand> operands;

    FunctionArguments(String function, int position, List<Operand> operands) {
        this.function = function;
        this.position = position;
        this.operands = new ArrayList<>(operands);
    }

    int count() {
        return operands.size();
    }

    ValueKind kind(int index) {
        return operands.get(index).kind();
    }

    void requireKind(int index, ValueKind kind) {
        operands.set(index, Typing.requireKind(operands.get(index), kind, function, position));
    }

    void requireNumber(int index) {
        operands.set(index, Typing.requireNumber(operands.get(index), function, position));
    }

    /** A value with a text form, see {@link TextRendering}; a bare NULL becomes a TEXT null. */
    void requireRenderable(int index) {
        Operand operand = operands.get(index).as(ValueKind.TEXT);
        if (!TextRendering.renderable(operand.kind())) {
            throw Typing.mismatch(operand, function, position, "values with a text form");
        }
        operands.set(index, operand);
    }

    List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        for (Operand operand : operands) {
            nodes.add(operand.node());
        }
        return List.copyOf(nodes);
    }
}
