package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recursive descent over the grammar in {@link Expression}'s documentation, one method per
 * precedence level, lowest first. Each operator's node checks its operands' kinds as it is built,
 * so a type error points at the operator the moment it is read.
 */
final class Parser {

    /** Words that cannot name a column without quotes: they would be read as part of the syntax. */
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "IS", "IN", "BETWEEN", "LIKE", "ESCAPE", "AS");
    private static final Set<String> LITERAL_TYPES = Set.of("DATE", "TIME", "DATETIME", "TIMESTAMP");
    /** Far beyond any real expression; keeps a runaway "((((((..." from overflowing the stack. */
    private static final int MAX_NESTING = 200;

    private final String text;
    private final List<Token> tokens;
    private final ColumnCatalog columns;
    private final Set<String> referencedColumns = new LinkedHashSet<>();
    private int next;
    private int nesting;

    private Parser(String text, Map<String, ValueKind> columns) {
        this.text = text;
        this.tokens = Lexer.tokens(text);
        this.columns = new ColumnCatalog(columns);
    }

    /**
     * @param root the whole expression, typed
     * @param referencedColumns the columns it reads, as the table spells them, in order of first mention
     */
    record Parsed(Operand root, Set<String> referencedColumns) {}

    static Parsed parse(String text, Map<String, ValueKind> columns) {
        Parser parser = new Parser(text, columns);
        if (parser.peek().type() == Token.Type.END) {
            throw new ExpressionException("the expression is empty", 0);
        }
        Operand root = parser.or();
        Token extra = parser.peek();
        if (extra.type() != Token.Type.END) {
            throw new ExpressionException("unexpected " + extra.describe(text) + " at " + extra.start()
                    + "; expected an operator or the end of the expression", extra.start());
        }
        return new Parsed(root, parser.referencedColumns);
    }

    private Operand or() {
        enter();
        Operand left = and();
        while (peek().isKeyword("OR")) {
            Token operator = advance();
            Operand right = and();
            left = span(Logical.of(false, left, right, operator.start()), left.start(), right.end());
        }
        leave();
        return left;
    }

    private Operand and() {
        Operand left = not();
        while (peek().isKeyword("AND")) {
            Token operator = advance();
            Operand right = not();
            left = span(Logical.of(true, left, right, operator.start()), left.start(), right.end());
        }
        return left;
    }

    private Operand not() {
        if (!peek().isKeyword("NOT")) {
            return predicate();
        }
        enter();
        Token operator = advance();
        Operand operand = not();
        leave();
        return span(Not.of(operand, operator.start()), operator.start(), operand.end());
    }

    /** One comparison, IS, IN, BETWEEN or LIKE at most: {@code a < b < c} is an error, not a surprise. */
    private Operand predicate() {
        Operand left = concatenation();
        Operand result = predicateAfter(left);
        if (result != left && startsPredicate()) {
            Token extra = peek();
            throw new ExpressionException("comparisons do not chain: " + extra.describe(text) + " at " + extra.start()
                    + " follows another comparison; join them with AND, or use parentheses", extra.start());
        }
        return result;
    }

    private Operand predicateAfter(Operand left) {
        Token token = peek();
        ComparisonOperator comparison = token.type() == Token.Type.SYMBOL ? ComparisonOperator.bySymbol(token.text()) : null;
        if (comparison != null) {
            advance();
            Operand right = concatenation();
            return span(Comparison.of(comparison, token.text(), left, right, token.start()), left.start(), right.end());
        }
        if (token.isKeyword("IS")) {
            advance();
            boolean negated = acceptKeyword("NOT");
            Token nullWord = expectKeyword("NULL", "after IS" + (negated ? " NOT" : ""));
            return span(IsNull.of(left, negated), left.start(), nullWord.end());
        }
        boolean negated = token.isKeyword("NOT") && isNegatablePredicate(peek(1));
        if (negated) {
            advance();
        }
        Token keyword = peek();
        if (keyword.isKeyword("IN")) {
            return in(left, negated, token.start());
        }
        if (keyword.isKeyword("BETWEEN")) {
            advance();
            Operand low = concatenation();
            expectKeyword("AND", "between the bounds of BETWEEN at " + keyword.start());
            Operand high = concatenation();
            return span(Between.of(left, low, high, negated, token.start()), left.start(), high.end());
        }
        if (keyword.isKeyword("LIKE")) {
            return like(left, negated, token.start());
        }
        return left;
    }

    private boolean startsPredicate() {
        Token token = peek();
        return (token.type() == Token.Type.SYMBOL && ComparisonOperator.bySymbol(token.text()) != null)
                || token.isKeyword("IS") || isNegatablePredicate(token)
                || (token.isKeyword("NOT") && isNegatablePredicate(peek(1)));
    }

    private static boolean isNegatablePredicate(Token token) {
        return token.isKeyword("IN") || token.isKeyword("BETWEEN") || token.isKeyword("LIKE");
    }

    private Operand in(Operand left, boolean negated, int position) {
        Token keyword = advance();
        Token open = expectSymbol("(", "after IN");
        List<Operand> items = new ArrayList<>();
        if (peek().isSymbol(")")) {
            throw new ExpressionException("IN at " + keyword.start() + " needs at least one value in its list", open.start());
        }
        do {
            items.add(or());
        } while (acceptSymbol(","));
        Token close = expectSymbol(")", "to close the list of IN at " + keyword.start());
        return span(InList.of(left, items, negated, position), left.start(), close.end());
    }

    private Operand like(Operand left, boolean negated, int position) {
        advance();
        Operand pattern = concatenation();
        int end = pattern.end();
        int escape = -1;
        if (peek().isKeyword("ESCAPE")) {
            Token escapeWord = advance();
            Token character = advance();
            if (character.type() != Token.Type.STRING || character.text().codePointCount(0, character.text().length()) != 1) {
                throw new ExpressionException("ESCAPE at " + escapeWord.start() + " needs a string of one character, such as '\\'",
                        character.start());
            }
            escape = character.text().codePointAt(0);
            end = character.end();
        }
        return span(Like.of(left, pattern, escape, negated, position), left.start(), end);
    }

    private Operand concatenation() {
        Operand left = additive();
        while (peek().isSymbol("||")) {
            Token operator = advance();
            Operand right = additive();
            left = span(Concatenation.of(left, right, operator.start()), left.start(), right.end());
        }
        return left;
    }

    private Operand additive() {
        Operand left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token operator = advance();
            Operand right = multiplicative();
            left = span(Arithmetic.of(ArithmeticOperator.bySymbol(operator.text()), left, right, operator.start()),
                    left.start(), right.end());
        }
        return left;
    }

    private Operand multiplicative() {
        Operand left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            Token operator = advance();
            Operand right = unary();
            left = span(Arithmetic.of(ArithmeticOperator.bySymbol(operator.text()), left, right, operator.start()),
                    left.start(), right.end());
        }
        return left;
    }

    private Operand unary() {
        if (!peek().isSymbol("-")) {
            return primary();
        }
        Token minus = advance();
        if (peek().type() == Token.Type.NUMBER) {
            // A negative literal, not a negation: -9223372036854775808 fits a BIGINT, its digits alone do not.
            Token number = advance();
            return span(numberLiteral("-" + number.text(), minus.start()), minus.start(), number.end());
        }
        enter();
        Operand operand = unary();
        leave();
        return span(Negation.of(operand, minus.start()), minus.start(), operand.end());
    }

    private Operand primary() {
        Token token = advance();
        switch (token.type()) {
            case NUMBER:
                return span(numberLiteral(token.text(), token.start()), token.start(), token.end());
            case STRING:
                return span(new Literal(token.text(), ValueKind.TEXT), token.start(), token.end());
            case QUOTED_IDENTIFIER:
                return column(token, true);
            case IDENTIFIER:
                return identifier(token);
            default:
                if (token.isSymbol("(")) {
                    Operand inner = or();
                    Token close = expectSymbol(")", "to close the '(' at " + token.start());
                    return span(inner.node(), token.start(), close.end());
                }
                throw new ExpressionException("expected a value at " + token.start() + ", found " + token.describe(text),
                        token.start());
        }
    }

    private Operand identifier(Token token) {
        String word = token.text().toUpperCase(Locale.ROOT);
        if (word.equals("TRUE") || word.equals("FALSE")) {
            return span(new Literal(word.equals("TRUE"), ValueKind.BOOLEAN), token.start(), token.end());
        }
        if (word.equals("NULL")) {
            return span(new Literal(null, null), token.start(), token.end());
        }
        if (LITERAL_TYPES.contains(word) && peek().type() == Token.Type.STRING) {
            return typedLiteral(token, advance());
        }
        if (peek().isSymbol("(")) {
            return call(token);
        }
        if (RESERVED.contains(word)) {
            throw new ExpressionException("expected a value at " + token.start() + ", found the keyword " + word
                    + " (a column of that name must be written in double quotes)", token.start());
        }
        return column(token, false);
    }

    private Operand column(Token token, boolean quoted) {
        String name = columns.resolve(token.text(), quoted, token.start());
        referencedColumns.add(name);
        return span(new ColumnReference(name, columns.kindOf(name), token.start()), token.start(), token.end());
    }

    /** {@code 12} is an INTEGER (a DECIMAL if it does not fit a BIGINT), {@code 1.50} a DECIMAL of scale 2, {@code 1e3} a DOUBLE. */
    private Node numberLiteral(String digits, int position) {
        if (digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
            double value = Double.parseDouble(digits);
            if (Double.isInfinite(value)) {
                throw new ExpressionException("number at " + position + " is too large for a DOUBLE", position);
            }
            return new Literal(value, ValueKind.DOUBLE);
        }
        if (digits.indexOf('.') < 0) {
            try {
                return new Literal(Long.parseLong(digits), ValueKind.INTEGER);
            } catch (NumberFormatException tooLarge) {
                // Falls through: a BIGINT UNSIGNED column compares with such numbers.
            }
        }
        return new Literal(new BigDecimal(digits), ValueKind.DECIMAL);
    }

    /** {@code DATE '2024-01-31'}, {@code TIME '09:30:00'}, {@code DATETIME '2024-01-31 09:30:00'}, {@code TIMESTAMP '2024-01-31T09:30:00Z'}. */
    private Operand typedLiteral(Token type, Token value) {
        ValueKind kind = CastTarget.kindNamed(type.text());
        try {
            return span(new Literal(TextParsing.parse(value.text(), kind), kind), type.start(), value.end());
        } catch (IllegalArgumentException e) {
            throw new ExpressionException(kind + " literal at " + type.start() + " is not " + TextParsing.expectedForm(kind),
                    value.start());
        }
    }

    private Operand call(Token name) {
        String function = name.text().toLowerCase(Locale.ROOT);
        BuiltInFunction builtIn = BuiltInFunction.named(function);
        if (builtIn == null && !function.equals("coalesce") && !function.equals("cast")) {
            throw new ExpressionException("unknown function " + Operand.quote(name.text()) + " at " + name.start()
                    + "; the functions are " + String.join(", ", knownFunctions()), name.start());
        }
        advance();
        if (function.equals("cast")) {
            return cast(name);
        }
        List<Operand> arguments = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            do {
                arguments.add(or());
            } while (acceptSymbol(","));
        }
        Token close = expectSymbol(")", "to close the arguments of " + function + " at " + name.start());
        int min = builtIn == null ? 1 : builtIn.minArguments();
        int max = builtIn == null ? Integer.MAX_VALUE : builtIn.maxArguments();
        if (arguments.size() < min || arguments.size() > max) {
            throw new ExpressionException(function + " at " + name.start() + " takes " + arity(min, max)
                    + ", not " + arguments.size(), name.start());
        }
        Node node = builtIn == null ? Coalesce.of(arguments, name.start()) : FunctionCall.of(builtIn, arguments, name.start());
        return span(node, name.start(), close.end());
    }

    private static Set<String> knownFunctions() {
        Set<String> names = new TreeSet<>(List.of("cast", "coalesce"));
        for (BuiltInFunction function : BuiltInFunction.values()) {
            names.add(function.functionName());
        }
        return names;
    }

    private static String arity(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return "at least " + min + (min == 1 ? " argument" : " arguments");
        }
        if (min == max) {
            return min + (min == 1 ? " argument" : " arguments");
        }
        return min + " to " + max + " arguments";
    }

    /** {@code CAST(x AS type)}, after its '('. */
    private Operand cast(Token castWord) {
        Operand operand = or();
        expectKeyword("AS", "in CAST at " + castWord.start());
        Token typeName = advance();
        ValueKind kind = typeName.type() == Token.Type.IDENTIFIER ? CastTarget.kindNamed(typeName.text()) : null;
        if (kind == null) {
            throw new ExpressionException("unknown type " + typeName.describe(text) + " at " + typeName.start()
                    + " in CAST; the types are " + String.join(", ", CastTarget.typeNames()), typeName.start());
        }
        if (kind == ValueKind.DOUBLE) {
            acceptKeyword("PRECISION");
        }
        CastTarget target = new CastTarget(kind, 0, 0);
        if (peek().isSymbol("(")) {
            target = decimalTarget(typeName, kind);
        }
        Token close = expectSymbol(")", "to close the CAST at " + castWord.start());
        return span(Cast.of(operand, target, castWord.start()), castWord.start(), close.end());
    }

    /** {@code DECIMAL(p)} or {@code DECIMAL(p, s)}; other types take no size here. */
    private CastTarget decimalTarget(Token typeName, ValueKind kind) {
        Token open = advance();
        if (kind != ValueKind.DECIMAL) {
            throw new ExpressionException(typeName.text().toUpperCase(Locale.ROOT) + " at " + typeName.start()
                    + " takes no size in CAST" + (kind == ValueKind.TEXT ? "; substring(x, 1, n) shortens text" : ""),
                    open.start());
        }
        int precision = sizeNumber();
        int scale = acceptSymbol(",") ? sizeNumber() : 0;
        expectSymbol(")", "to close DECIMAL's precision and scale");
        if (precision < 1 || precision > CastTarget.MAX_PRECISION || scale > precision) {
            throw new ExpressionException("DECIMAL(" + precision + "," + scale + ") at " + typeName.start()
                    + " needs 1 <= precision <= " + CastTarget.MAX_PRECISION + " and 0 <= scale <= precision",
                    typeName.start());
        }
        return new CastTarget(kind, precision, scale);
    }

    private int sizeNumber() {
        Token number = advance();
        if (number.type() != Token.Type.NUMBER || !number.text().chars().allMatch(Character::isDigit) || number.text().length() > 6) {
            throw new ExpressionException("expected a whole number at " + number.start() + ", found " + number.describe(text),
                    number.start());
        }
        return Integer.parseInt(number.text());
    }

    private Operand span(Node node, int start, int end) {
        return new Operand(node, text, start, end);
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = peek();
        if (token.type() != Token.Type.END) {
            next++;
        }
        return token;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    private Token expectSymbol(String symbol, String purpose) {
        if (!peek().isSymbol(symbol)) {
            throw expected(Operand.quote(symbol), purpose);
        }
        return advance();
    }

    private Token expectKeyword(String keyword, String purpose) {
        if (!peek().isKeyword(keyword)) {
            throw expected(keyword, purpose);
        }
        return advance();
    }

    /** "expected ')' at 6 to close the '(' at 0, found the end of the expression". */
    private ExpressionException expected(String what, String purpose) {
        Token found = peek();
        return new ExpressionException("expected " + what + " at " + found.start() + " " + purpose + ", found "
                + found.describe(text), found.start());
    }

    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw new ExpressionException("the expression nests deeper than " + MAX_NESTING + " levels at " + peek().start(),
                    peek().start());
        }
    }

    private void leave() {
        nesting--;
    }
}
