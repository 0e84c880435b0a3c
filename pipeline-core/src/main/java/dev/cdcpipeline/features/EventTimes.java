package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.config.FeatureViewSettings;
import dev.cdcpipeline.schema.ValueKind;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a row of a feature view sits in time.
 *
 * <p>With an {@code event-time} column, its value: a TIMESTAMP ({@link Instant}) as is, a DATETIME
 * ({@link LocalDateTime}) or DATE ({@link LocalDate}, at the start of the day) read in the view's
 * {@code time-zone}. Without one, the source commit time of the row's last change; snapshot reads
 * carry none (0), so they take the processing time at which the view stores them, which
 * {@link #fixed} writes into the change so the row keeps that time in state.
 */
public final class EventTimes implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A change's sourceTimestampMillis when the source gave no commit time. */
    private static final long NO_COMMIT_TIME = 0;

    private final String column;
    private final ZoneId zone;

    EventTimes(String column, ZoneId zone) {
        this.column = column;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException if the event-time column is missing or holds no date or time */
    public static EventTimes of(FeatureView view) {
        FeatureViewSettings settings = view.settings();
        if (settings.eventTimeColumn() != null) {
            ValueKind kind = ValueKind.of(view.column(settings.eventTimeColumn()));
            if (kind != ValueKind.DATE && kind != ValueKind.DATETIME && kind != ValueKind.TIMESTAMP) {
                throw new IllegalArgumentException("feature view " + view.name() + ": event-time column '"
                        + settings.eventTimeColumn() + "' must be a DATE, DATETIME or TIMESTAMP, not " + kind);
            }
        }
        return new EventTimes(settings.eventTimeColumn(), settings.timeZone());
    }

    /** The event-time column's name, or null when rows take their commit time. */
    public String column() {
        return column;
    }

    /**
     * The event time of {@code image}, a row of {@code change}, in epoch milliseconds; empty when
     * the event-time column holds null.
     *
     * @param nowMillis the processing time, for changes without a commit time
     */
    public OptionalLong of(Map<String, Object> image, ChangeEvent change, long nowMillis) {
        if (column == null) {
            long committed = change.sourceTimestampMillis();
            return OptionalLong.of(committed == NO_COMMIT_TIME ? nowMillis : committed);
        }
        Object value = image.get(column);
        if (value == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(toMillis(value));
    }

    /**
     * Why {@code image} has no event time, if it has none: the event-time column is null, or holds
     * something other than a date or time (which a transform changing the column could cause).
     */
    public Optional<String> problemOf(Map<String, Object> image) {
        if (column == null) {
            return Optional.empty();
        }
        Object value = image.get(column);
        if (value == null) {
            return Optional.of("event-time column '" + column + "' is null");
        }
        if (!(value instanceof Instant || value instanceof LocalDateTime || value instanceof LocalDate)) {
            return Optional.of("event-time column '" + column + "' holds a " + value.getClass().getSimpleName()
                    + ", not a DATE, DATETIME or TIMESTAMP");
        }
        return Optional.empty();
    }

    /**
     * The change as a feature view keeps it: when its rows take their time from a commit time it
     * does not have, it gets {@code nowMillis} as that time, so later reads of the stored change
     * give the same event time.
     */
    public ChangeEvent fixed(ChangeEvent change, long nowMillis) {
        if (column != null || change.sourceTimestampMillis() != NO_COMMIT_TIME) {
            return change;
        }
        return new ChangeEvent(change.table(), change.operation(), change.key(), change.before(), change.after(),
                change.position(), nowMillis);
    }

    private long toMillis(Object value) {
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.atZone(zone).toInstant().toEpochMilli();
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay(zone).toInstant().toEpochMilli();
        }
        // Unreachable for the changes EntityChanges passes: it sets aside images problemOf rejects.
        throw new IllegalStateException("event-time column '" + column + "' holds a "
                + value.getClass().getSimpleName() + ", not a date or time");
    }
}
