package dev.cdcpipeline.features;

import static dev.cdcpipeline.change.ChangeEvents.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.ChangeEvents;
import dev.cdcpipeline.change.Operation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

class EventTimesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final long NOW = Instant.parse("2024-07-01T00:00:00Z").toEpochMilli();

    private final EventTimes fromColumn = new EventTimes("at", BERLIN);
    private final EventTimes fromCommit = new EventTimes(null, BERLIN);

    @Test
    void wallClockColumnsAreReadInTheViewsZoneAndInstantsAsTheyAre() {
        assertThat(fromColumn.of(row("at", LocalDateTime.of(2024, 7, 1, 2, 0)), change(5), NOW))
                .hasValue(Instant.parse("2024-07-01T00:00:00Z").toEpochMilli());
        assertThat(fromColumn.of(row("at", LocalDate.of(2024, 1, 15)), change(5), NOW))
                .hasValue(Instant.parse("2024-01-14T23:00:00Z").toEpochMilli());
        assertThat(fromColumn.of(row("at", Instant.parse("2024-07-01T00:00:00.123Z")), change(5), NOW))
                .hasValue(NOW + 123);
    }

    @Test
    void aNullColumnGivesNoTimeAndSaysWhy() {
        Map<String, Object> image = new HashMap<>();
        image.put("at", null);

        assertThat(fromColumn.of(image, change(5), NOW)).isEmpty();
        assertThat(fromColumn.problemOf(image)).hasValue("event-time column 'at' is null");
        assertThat(fromColumn.problemOf(row("at", 5L))).hasValueSatisfying(problem -> assertThat(problem).contains("Long"));
        assertThat(fromColumn.problemOf(row("at", LocalDate.of(2024, 1, 1)))).isEmpty();
    }

    @Test
    void withoutAColumnTheCommitTimeAndForSnapshotReadsTheProcessingTime() {
        assertThat(fromCommit.of(row("at", null), change(5), NOW)).hasValue(5);
        assertThat(fromCommit.of(row("x", 1L), change(0), NOW)).hasValue(NOW);
        assertThat(fromCommit.problemOf(row("x", 1L))).isEmpty();
    }

    @Test
    void onlyChangesWithoutACommitTimeAreFixedWithTheProcessingTime() {
        ChangeEvent snapshot = change(0);
        ChangeEvent committed = change(5);

        assertThat(fromCommit.fixed(snapshot, NOW).sourceTimestampMillis()).isEqualTo(NOW);
        assertThat(fromCommit.fixed(committed, NOW)).isSameAs(committed);
        assertThat(fromColumn.fixed(snapshot, NOW)).isSameAs(snapshot);
    }

    @Test
    void anEventTimeColumnMustHoldDatesOrTimes() {
        assertThatThrownBy(() -> EventTimes.of(OrderViews.view("status", OrderViews.ALLOWED_LATENESS, OrderViews.ALL_FUNCTIONS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event-time column 'status'");
        assertThatThrownBy(() -> EventTimes.of(OrderViews.view("nope", OrderViews.ALLOWED_LATENESS, OrderViews.ALL_FUNCTIONS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'nope'");
    }

    private static ChangeEvent change(long committedAt) {
        return new ChangeEvent(ChangeEvents.ORDERS, committedAt == 0 ? Operation.SNAPSHOT_READ : Operation.INSERT,
                row("id", 1L), null, row("id", 1L), ChangeEvents.at(1), committedAt);
    }
}
