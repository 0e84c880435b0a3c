package dev.cdcpipeline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class HashingTest {

    @Test
    void isTheSha256OfSaltThenValueInLowerCaseHex() {
        // Expected values from Python: hashlib.sha256((salt + value).encode()).hexdigest()
        assertThat(Hashing.saltedHash("jane.doe@example.com", "pepper"))
                .isEqualTo("fb30037b6d90f8ea5ceb6a12b0656ecd677316057b83fd0c0290883849c71a03");
    }

    @Test
    void hashesTheUtf8BytesOfNonAsciiText() {
        assertThat(Hashing.saltedHash("Jürgen@bücher.de", "pepper"))
                .isEqualTo("b290355d72dc6fd7d950702b32b0d7b6725b3c3796f5db7e3f52e241e9f480a4");
    }

    @Test
    void hashesAnEmptyValueAndKeepsNull() {
        assertThat(Hashing.saltedHash("", "pepper"))
                .isEqualTo("8cbbcf29d9cef89675c5f5c1dcfe827d0570416a5aaba30dd0de159661ad905b");
        assertThat(Hashing.saltedHash(null, "pepper")).isNull();
    }

    @Test
    void anotherSaltGivesAnotherHash() {
        assertThat(Hashing.saltedHash("jane.doe@example.com", "salt"))
                .isNotEqualTo(Hashing.saltedHash("jane.doe@example.com", "pepper"));
    }

    @Test
    void refusesAMissingOrEmptySalt() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hashing.saltedHash("jane.doe@example.com", ""))
                .withMessageContaining("non-empty salt");
        assertThatIllegalArgumentException().isThrownBy(() -> Hashing.saltedHash(null, null));
    }
}
