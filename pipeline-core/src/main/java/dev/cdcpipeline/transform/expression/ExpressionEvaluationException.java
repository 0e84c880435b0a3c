package dev.cdcpipeline.transform.expression;

/**
 * A compiled expression that cannot give a value for one row: division by zero, integer overflow,
 * text that does not parse in a CAST, a column holding a value of the wrong Java type.
 *
 * <p>The message names the expression and the failing operator, never a value of the row: the
 * failure goes to the dead-letter output, which must not copy personal data into another place.
 */
public class ExpressionEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;

    public ExpressionEvaluationException(String expression, int position, String problem) {
        super("expression " + Operand.quote(expression) + " failed at " + position + ": " + problem);
        this.expression = expression;
        this.position = position;
    }

    /** The text of the expression that failed. */
    public String expression() {
        return expression;
    }

    /** The offset in the expression of the operator or function that failed. */
    public int position() {
        return position;
    }
}
