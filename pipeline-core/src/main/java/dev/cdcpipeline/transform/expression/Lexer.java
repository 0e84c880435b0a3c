package dev.cdcpipeline.transform.expression;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an expression into {@link Token}s. Strings are {@code 'it''s'}; quoted names are
 * {@code "Order Total"} or {@code `Order Total`}, doubling their quote to escape it.
 */
final class Lexer {

    /** Longest first, so that {@code <=} is not read as {@code <} then {@code =}. */
    private static final List<String> SYMBOLS =
            List.of("<=", ">=", "<>", "!=", "||", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",");

    private final String text;
    private int position;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.type() != Token.Type.END);
        return tokens;
    }

    private Token next() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        if (position == text.length()) {
            return new Token(Token.Type.END, "", position, position);
        }
        char c = text.charAt(position);
        if (c == '\'') {
            return quoted(Token.Type.STRING, '\'', "string");
        }
        if (c == '"' || c == '`') {
            return quoted(Token.Type.QUOTED_IDENTIFIER, c, "quoted name");
        }
        if (isDigit(c) || (c == '.' && position + 1 < text.length() && isDigit(text.charAt(position + 1)))) {
            return number();
        }
        if (isIdentifierStart(c)) {
            int start = position;
            while (position < text.length() && isIdentifierPart(text.charAt(position))) {
                position++;
            }
            return new Token(Token.Type.IDENTIFIER, text.substring(start, position), start, position);
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, position)) {
                int start = position;
                position += symbol.length();
                return new Token(Token.Type.SYMBOL, symbol, start, position);
            }
        }
        String hint = c == '|' ? "; '||' joins texts"
                : c == '!' ? "; write '!=' or NOT"
                : Character.isLetter(text.codePointAt(position)) ? "; a name with such characters goes in double quotes"
                : "";
        throw new ExpressionException(
                "unexpected character " + Operand.quote(text.substring(position, text.offsetByCodePoints(position, 1)))
                        + " at " + position + hint, position);
    }

    private Token quoted(Token.Type type, char quote, String what) {
        int start = position;
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            int close = text.indexOf(quote, position);
            if (close < 0) {
                throw new ExpressionException(what + " at " + start + " is not closed with " + quote, start);
            }
            value.append(text, position, close);
            position = close + 1;
            if (position < text.length() && text.charAt(position) == quote) {
                value.append(quote);
                position++;
            } else {
                break;
            }
        }
        if (type == Token.Type.QUOTED_IDENTIFIER && value.length() == 0) {
            throw new ExpressionException("empty quoted name at " + start, start);
        }
        return new Token(type, value.toString(), start, position);
    }

    /** {@code 12}, {@code 1.50}, {@code .5}, {@code 1e3}; the parser decides the kind. */
    private Token number() {
        int start = position;
        skipDigits();
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            skipDigits();
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            int exponent = position;
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (position == text.length() || !isDigit(text.charAt(position))) {
                throw new ExpressionException("number at " + start + " has no digits after its exponent at " + exponent, exponent);
            }
            skipDigits();
        }
        if (position < text.length() && isIdentifierStart(text.charAt(position))) {
            throw new ExpressionException("number at " + start + " runs into a name at " + position
                    + "; separate them with a space or an operator", position);
        }
        return new Token(Token.Type.NUMBER, text.substring(start, position), start, position);
    }

    private void skipDigits() {
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }
}
