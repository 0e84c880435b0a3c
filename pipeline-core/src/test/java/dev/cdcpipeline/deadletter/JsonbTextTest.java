package dev.cdcpipeline.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

class JsonbTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNulCharacterBecomesItsEscapeAsText() throws Exception {
        String json = JSON.writeValueAsString(Map.of("note", "a\u0000b"));

        String stored = JsonbText.of(json);

        assertThat(json).isEqualTo("{\"note\":\"a\\u0000b\"}");
        assertThat(stored).isEqualTo("{\"note\":\"a\\\\u0000b\"}");
        assertThat(JSON.readTree(stored).get("note").asText()).isEqualTo("a\\u0000b");
    }

    @Test
    void anEscapedBackslashBeforeU0000IsLeftAsItIs() throws Exception {
        // The text \u0000 (backslash, u, 0000) is no NUL: its backslash is escaped.
        String json = JSON.writeValueAsString(Map.of("note", "\\u0000 and \\\u0000"));

        String stored = JsonbText.of(json);

        assertThat(JSON.readTree(stored).get("note").asText()).isEqualTo("\\u0000 and \\\\u0000");
    }

    @Test
    void jsonWithoutNulIsUnchanged() {
        String json = "{\"note\":\"plain\",\"path\":\"C:\\\\u0001\"}";

        assertThat(JsonbText.of(json)).isSameAs(json);
    }
}
