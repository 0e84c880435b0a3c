package dev.cdcpipeline.transform.expression;

/**
 * A word of an expression.
 *
 * @param text for {@link Type#STRING} and {@link Type#QUOTED_IDENTIFIER} the value with its quotes
 *     removed and doubled quotes undone; otherwise the characters as written
 * @param start offset of the token's first character in the expression
 * @param end offset just after its last character
 */
record Token(Type type, String text, int start, int end) {

    enum Type {
        /** A bare name: a column, a function, or a keyword such as AND (keywords are not reserved by the lexer). */
        IDENTIFIER,
        /** A name in double quotes or backquotes: always a column, never a keyword. */
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        /** An operator or punctuation: {@code = <> != < <= > >= + - * / % || ( ) ,}. */
        SYMBOL,
        END
    }

    boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** How error messages show the token. */
    String describe(String expression) {
        return type == Type.END ? "the end of the expression" : Operand.quote(expression.substring(start, end));
    }
}
