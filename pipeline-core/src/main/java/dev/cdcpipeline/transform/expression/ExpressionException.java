package dev.cdcpipeline.transform.expression;

/**
 * An expression that does not compile: a syntax error, an unknown column or function, or operands
 * of the wrong kind. The message says what is wrong and at which character offset (0-based), for
 * the person who wrote the expression.
 */
public class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int position;

    public ExpressionException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The offset of the first character of the offending part of the expression. */
    public int position() {
        return position;
    }
}
