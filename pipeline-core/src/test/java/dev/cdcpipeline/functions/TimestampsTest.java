package dev.cdcpipeline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void writesAnInstantInUtcWithZ() {
        assertThat(Timestamps.normalizeTimestamp(Instant.parse("2024-03-31T00:30:00.250Z"))).isEqualTo("2024-03-31T00:30:00.250Z");
        assertThat(Timestamps.normalizeTimestamp(Instant.parse("2024-03-31T00:30:00Z"))).isEqualTo("2024-03-31T00:30:00Z");
        assertThat(Timestamps.normalizeTimestamp(Instant.parse("2024-03-31T00:30:00.123456Z"))).isEqualTo("2024-03-31T00:30:00.123456Z");
    }

    @Test
    void readsADateTimeWithoutZoneAsUtc() {
        assertThat(Timestamps.normalizeTimestamp(LocalDateTime.parse("2024-03-31T02:30:00.25"))).isEqualTo("2024-03-31T02:30:00.250Z");
    }

    @Test
    void convertsTextWithAnOffsetOrZoneToUtc() {
        assertThat(Timestamps.normalizeTimestamp("2024-03-31T02:30:00.25+02:00")).isEqualTo("2024-03-31T00:30:00.250Z");
        assertThat(Timestamps.normalizeTimestamp("2024-03-31T04:30:00+02:00[Europe/Berlin]")).isEqualTo("2024-03-31T02:30:00Z");
        assertThat(Timestamps.normalizeTimestamp("2024-03-31T00:30:00Z")).isEqualTo("2024-03-31T00:30:00Z");
    }

    @Test
    void readsTextWithoutOffsetAsUtcAndAcceptsASpaceForT() {
        assertThat(Timestamps.normalizeTimestamp("2024-03-31T00:30")).isEqualTo("2024-03-31T00:30:00Z");
        assertThat(Timestamps.normalizeTimestamp(" 2024-03-31 00:30:00.123456 ")).isEqualTo("2024-03-31T00:30:00.123456Z");
    }

    @Test
    void keepsNull() {
        assertThat(Timestamps.normalizeTimestamp((String) null)).isNull();
        assertThat(Timestamps.normalizeTimestamp((Instant) null)).isNull();
        assertThat(Timestamps.normalizeTimestamp((LocalDateTime) null)).isNull();
    }

    @Test
    void refusesTextThatIsNotADateTime() {
        for (String text : new String[] {"", "yesterday", "2024-03-31", "31.03.2024 00:30", "2024-03-31T25:00"}) {
            assertThatIllegalArgumentException().as(text).isThrownBy(() -> Timestamps.normalizeTimestamp(text))
                    .withMessageStartingWith("Not an ISO-8601 date-time");
        }
    }
}
