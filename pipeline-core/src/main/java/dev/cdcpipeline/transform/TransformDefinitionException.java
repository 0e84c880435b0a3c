package dev.cdcpipeline.transform;

import java.util.List;

/** A transform that does not fit the table it matches; each problem names the transform, table and column. */
public final class TransformDefinitionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    TransformDefinitionException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
