package dev.cdcpipeline.local.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.verify.CanonicalValues;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

import org.junit.jupiter.api.Test;

class UpsertRowContentsTest {

    private final UpsertRowContents contents = new UpsertRowContents(Set.of("preferences"));

    private static JsonNode json(String text) throws Exception {
        return CanonicalValues.JSON.readTree(text);
    }

    @Test
    void theLatestRecordOfAKeyWinsAndATombstoneDeletesIt() throws Exception {
        contents.add("1", json("{\"id\":1,\"status\":\"new\"}"));
        contents.add("2", json("{\"id\":2,\"status\":\"new\"}"));
        contents.add("1", json("{\"id\":1,\"status\":\"paid\"}"));
        contents.add("2", null);

        assertThat(contents.latestRowByKey()).containsOnlyKeys("1");
        assertThat(contents.latestRowByKey().get("1").get("status").asText()).isEqualTo("paid");
        assertThat(contents.records()).isEqualTo(4);
        assertThat(contents.violations()).isEmpty();
    }

    @Test
    void aJsonColumnsTextIsReadAsTheJsonItHolds() throws Exception {
        contents.add("1", json("{\"id\":1,\"preferences\":\"{\\\"tags\\\": [\\\"ü\\\", 1.50]}\",\"note\":\"{not json}\"}"));

        JsonNode row = contents.latestRowByKey().get("1");
        assertThat(row.get("preferences").isObject()).isTrue();
        assertThat(row.get("preferences").get("tags").get(1).decimalValue()).isEqualByComparingTo("1.50");
        assertThat(row.get("note").asText()).as("other columns stay text").isEqualTo("{not json}");
    }

    @Test
    void aNullJsonColumnStaysNull() throws Exception {
        contents.add("1", json("{\"id\":1,\"preferences\":null}"));

        assertThat(contents.latestRowByKey().get("1").get("preferences").isNull()).isTrue();
    }
}
