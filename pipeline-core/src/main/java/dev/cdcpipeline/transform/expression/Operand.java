package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

/**
 * A node while it is being compiled, with the characters of the expression it came from, so that
 * type errors can show the operand as the user wrote it. Never serialized.
 *
 * @param start offset of the operand's first character
 * @param end offset just after its last character
 */
record Operand(Node node, String expression, int start, int end) {

    private static final int LONGEST_QUOTE = 40;

    ValueKind kind() {
        return node.kind();
    }

    /** A bare NULL, whose kind comes from where it is used: {@code amount = NULL}, {@code coalesce(a, NULL)}. */
    boolean isUntypedNull() {
        return node.kind() == null;
    }

    /** This operand, with a bare NULL given the kind its place asks for. */
    Operand as(ValueKind kind) {
        return isUntypedNull() ? new Operand(new Literal(null, kind), expression, start, end) : this;
    }

    /** The operand as written, quoted: {@code 'status'}, {@code 'amount * 2'}. */
    String describe() {
        return quote(expression.substring(start, end));
    }

    /** {@code 'text'}, shortened when long; a string literal is shown with its own quotes. */
    static String quote(String text) {
        String shown = text.length() > LONGEST_QUOTE ? text.substring(0, LONGEST_QUOTE - 3) + "..." : text;
        return shown.startsWith("'") ? shown : "'" + shown + "'";
    }

    /** A bare NULL where nothing gives it a kind is an error: every node must know its kind. */
    Operand requireTyped(String place) {
        if (isUntypedNull()) {
            throw new ExpressionException("NULL at " + start + " has no kind " + place
                    + "; write CAST(NULL AS type), e.g. CAST(NULL AS TEXT)", start);
        }
        return this;
    }
}
