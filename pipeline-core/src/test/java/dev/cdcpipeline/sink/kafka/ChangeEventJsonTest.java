package dev.cdcpipeline.sink.kafka;

import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.change.TableId;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

class ChangeEventJsonTest {

    /** Decimals as BigDecimal, so the test sees the digits that were written. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @Test
    void writesTheDocumentedEnvelopeWithExactValues() throws Exception {
        ChangeEvent update = new ChangeEvent(new TableId("mysql", "shop", "orders"), Operation.UPDATE, row("id", 42L),
                row("id", 42L, "amount", new BigDecimal("10.00")),
                row("id", 42L, "amount", new BigDecimal("15.50"), "big", new BigDecimal("18446744073709551615"),
                        "attrs", new JsonText("{\"vip\":true}"), "photo", new byte[] {1, 2, 3}, "name", "Zoë",
                        "day", LocalDate.of(2024, 2, 29), "at", LocalDateTime.of(2024, 2, 29, 10, 0, 0, 123_000),
                        "created", Instant.parse("2024-02-29T10:00:00Z"), "note", null),
                SourcePosition.ofBinlog("mysql-bin.000003", 4711, 1), 1_732_500_000_000L);

        JsonNode json = MAPPER.readTree(ChangeEventJson.value(update, "mysql", 1_732_500_000_999L));

        assertThat(json.get("op").asText()).isEqualTo("u");
        assertThat(json.at("/source/db").asText()).isEqualTo("shop");
        assertThat(json.at("/source/table").asText()).isEqualTo("orders");
        assertThat(json.at("/source/position").asText()).isEqualTo("0000000003:00000000000000004711:0000000001");
        assertThat(json.at("/source/ts_ms").asLong()).isEqualTo(1_732_500_000_000L);
        assertThat(json.at("/key/id").asLong()).isEqualTo(42);
        assertThat(json.at("/before/amount").decimalValue()).isEqualByComparingTo("10.00");
        JsonNode after = json.get("after");
        assertThat(after.get("amount").toString()).isEqualTo("15.50");
        assertThat(after.get("big").toString()).isEqualTo("18446744073709551615");
        assertThat(after.at("/attrs/vip").asBoolean()).isTrue();
        assertThat(after.get("photo").asText()).isEqualTo("AQID");
        assertThat(after.get("name").asText()).isEqualTo("Zoë");
        assertThat(after.get("day").asText()).isEqualTo("2024-02-29");
        assertThat(after.get("at").asText()).isEqualTo("2024-02-29T10:00:00.000123");
        assertThat(after.get("created").asText()).isEqualTo("2024-02-29T10:00:00Z");
        assertThat(after.get("note").isNull()).isTrue();
        assertThat(json.get("ts_ms").asLong()).isEqualTo(1_732_500_000_999L);
    }

    @Test
    void aDeleteHasNoAfterAndTheKeyIsThePrimaryKey() throws Exception {
        ChangeEvent delete = new ChangeEvent(new TableId("mysql", "shop", "orders"), Operation.DELETE, row("id", 7L),
                row("id", 7L, "amount", new BigDecimal("1.00")), null, SourcePosition.ofBinlog("mysql-bin.000001", 4, 0), 1L);

        JsonNode json = MAPPER.readTree(ChangeEventJson.value(delete, "mysql", 2L));

        assertThat(json.get("after").isNull()).isTrue();
        assertThat(new String(ChangeEventJson.key(delete), StandardCharsets.UTF_8)).isEqualTo("{\"id\":7}");
    }
}
