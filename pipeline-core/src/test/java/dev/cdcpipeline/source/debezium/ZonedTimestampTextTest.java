package dev.cdcpipeline.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZonedTimestampTextTest {

    @Test
    void readsWhatDebeziumWritesInUtcAsTheIsoParseDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // From year 0001 to 9999, every precision from seconds to nanoseconds, as Debezium formats it.
            int unit = (int) Math.pow(10, random.nextInt(10));
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L),
                    random.nextInt(1_000_000_000) / unit * unit);
            String text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));

            assertThat(ZonedTimestampText.toInstant(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T10:00:00Z", "2026-11-25T10:00:00.1Z", "2026-11-25T10:00:00.123456Z",
        "2026-11-25T10:00:00.123456789Z", "2026-11-25T11:00:00+01:00", "2026-11-25T10:00:00.5-03:30", "+10000-01-01T00:00:00Z",
        "2024-02-29T23:59:59.999999Z", "2026-11-25T10:00:00.Z"})
    void givesTheIsoParsesInstantForEveryShape(String text) {
        assertThat(ZonedTimestampText.toInstant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T10:60:00Z",
        "2026-11-25T10:00:60Z", "2026-11-25T10:00:00.1234567890Z", "2026-11-25 10:00:00Z",
        "2026-11-2xT10:00:00Z", "2026-11-25T10:00:00"})
    void failsWhereTheIsoParseFails(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> ZonedTimestampText.toInstant(text)).isInstanceOf(RuntimeException.class);
    }
}
