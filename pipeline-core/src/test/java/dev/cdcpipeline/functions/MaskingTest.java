package dev.cdcpipeline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksTheLocalPartButItsFirstCharacterAndKeepsTheDomain() {
        assertThat(Masking.maskEmail("jane.doe@example.com")).isEqualTo("j*******@example.com");
    }

    @Test
    void countsNonAsciiCharactersAsOneEach() {
        assertThat(Masking.maskEmail("jürgen@bücher.de")).isEqualTo("j*****@bücher.de");
        assertThat(Masking.maskEmail("Øyvind@example.no")).isEqualTo("Ø*****@example.no");
        // U+1F600 is two Java chars (a surrogate pair) but one character, so one star.
        assertThat(Masking.maskEmail("\uD83D\uDE00ab@example.com")).isEqualTo("\uD83D\uDE00**@example.com");
        assertThat(Masking.maskEmail("a\uD83D\uDE00@example.com")).isEqualTo("a*@example.com");
    }

    @Test
    void masksAOneCharacterLocalPartEntirely() {
        assertThat(Masking.maskEmail("j@example.com")).isEqualTo("*@example.com");
    }

    @Test
    void masksTextWithoutAtLikeALocalPart() {
        assertThat(Masking.maskEmail("not-an-address")).isEqualTo("n*************");
        assertThat(Masking.maskEmail("x")).isEqualTo("*");
    }

    @Test
    void takesTheDomainAfterTheLastAt() {
        assertThat(Masking.maskEmail("\"a@b\"@example.com")).isEqualTo("\"****@example.com");
    }

    @Test
    void leavesEmptyTextAnEmptyLocalPartAndNullAsTheyAre() {
        assertThat(Masking.maskEmail("")).isEmpty();
        assertThat(Masking.maskEmail("@example.com")).isEqualTo("@example.com");
        assertThat(Masking.maskEmail(null)).isNull();
    }

    @Test
    void redactsAnyValueButNull() {
        assertThat(Masking.redact("Jane Doe")).isEqualTo("***");
        assertThat(Masking.redact(42L)).isEqualTo("***");
        assertThat(Masking.redact("")).isEqualTo("***");
        assertThat(Masking.redact("Jane Doe", "<removed>")).isEqualTo("<removed>");
        assertThat(Masking.redact(null)).isNull();
        assertThat(Masking.redact(null, "<removed>")).isNull();
    }
}
