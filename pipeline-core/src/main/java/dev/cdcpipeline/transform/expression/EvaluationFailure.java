package dev.cdcpipeline.transform.expression;

/**
 * Thrown by a node that cannot evaluate; {@link Expression#evaluate} adds the expression's text and
 * rethrows it as an {@link ExpressionEvaluationException}. Nodes do not know the whole text, and
 * carrying it in every node would only bloat the serialized form.
 */
final class EvaluationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /** @param problem what went wrong, without any value of the row */
    EvaluationFailure(String problem, int position) {
        // No stack trace: a bad row is an expected event, the message says all there is to say.
        super(problem, null, false, false);
        this.position = position;
    }

    int position() {
        return position;
    }
}
