package dev.cdcpipeline.transform.expression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LexerTest {

    private static List<String> texts(String expression) {
        return Lexer.tokens(expression).stream().map(Token::text).toList();
    }

    private static List<Token.Type> types(String expression) {
        return Lexer.tokens(expression).stream().map(Token::type).toList();
    }

    @Test
    void cutsOperatorsLongestFirst() {
        assertThat(texts("a<=b<>c!=d>=e||f<g>h=i")).containsExactly(
                "a", "<=", "b", "<>", "c", "!=", "d", ">=", "e", "||", "f", "<", "g", ">", "h", "=", "i", "");
        assertThat(texts("(1+2)*3/4%5,-6")).containsExactly("(", "1", "+", "2", ")", "*", "3", "/", "4", "%", "5", ",", "-", "6", "");
    }

    @Test
    void readsNumbersInTheirForms() {
        assertThat(texts("12 1.50 .5 5. 1e3 2.5E-1 7e+2")).containsExactly("12", "1.50", ".5", "5.", "1e3", "2.5E-1", "7e+2", "");
        assertThat(types("1.5")).containsExactly(Token.Type.NUMBER, Token.Type.END);
    }

    @Test
    void undoesDoubledQuotes() {
        List<Token> tokens = Lexer.tokens("'it''s' \"say \"\"hi\"\"\" `a``b` ''");
        assertThat(tokens).extracting(Token::type).containsExactly(Token.Type.STRING, Token.Type.QUOTED_IDENTIFIER,
                Token.Type.QUOTED_IDENTIFIER, Token.Type.STRING, Token.Type.END);
        assertThat(tokens).extracting(Token::text).containsExactly("it's", "say \"hi\"", "a`b", "", "");
    }

    @Test
    void keepsWhereEachTokenIs() {
        List<Token> tokens = Lexer.tokens("  amount\n>= 'x'");
        assertThat(tokens).extracting(Token::start).containsExactly(2, 9, 12, 15);
        assertThat(tokens).extracting(Token::end).containsExactly(8, 11, 15, 15);
    }

    @Test
    void keywordsAreIdentifiersMatchedIgnoringCase() {
        Token and = Lexer.tokens("aNd").get(0);
        assertThat(and.type()).isEqualTo(Token.Type.IDENTIFIER);
        assertThat(and.isKeyword("AND")).isTrue();
        assertThat(Lexer.tokens("\"AND\"").get(0).isKeyword("AND")).as("a quoted name is never a keyword").isFalse();
    }

    @Test
    void quotesInsideOtherQuotesAreText() {
        assertThat(texts("'a \"b\" `c`'")).containsExactly("a \"b\" `c`", "");
        assertThat(texts("\"x'; DROP TABLE t; --\"")).containsExactly("x'; DROP TABLE t; --", "");
    }
}
