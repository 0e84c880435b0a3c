package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.config.FeatureViewSettings;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a change comes too late to be applied, for the whole change at once (an update
 * is never half applied for lateness).
 *
 * <p>An image (the row before or after the change) is <em>relevant</em> when its event time t is
 * inside the longest window ending now, or ahead of now: {@code t > now - longest}. The change is
 * late when a relevant image has {@code t < now - allowed-lateness}: applying it would rewrite
 * features of a moment the view has already reported on. Snapshot reads are never late (they are
 * the state of the table, not changes to it); images outside every window and images without an
 * event time do not make a change late.
 */
final class Lateness implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String viewName;
    private final EventTimes eventTimes;
    private final long longestWindowMillis;
    private final long allowedLatenessMillis;

    Lateness(String viewName, EventTimes eventTimes, FeatureViewSettings settings) {
        this.viewName = viewName;
        this.eventTimes = eventTimes;
        this.longestWindowMillis = settings.longestWindow().toMillis();
        this.allowedLatenessMillis = settings.allowedLateness().toMillis();
    }

    /** Why the change is late, if it is; {@code nowMillis} is the processing time. */
    Optional<String> reasonIfLate(ChangeEvent change, long nowMillis) {
        if (change.operation() == Operation.SNAPSHOT_READ) {
            return Optional.empty();
        }
        Optional<String> before = reasonIfLate(change.before(), "before", change, nowMillis);
        return before.isPresent() ? before : reasonIfLate(change.after(), "after", change, nowMillis);
    }

    private Optional<String> reasonIfLate(Map<String, Object> image, String imageName, ChangeEvent change, long now) {
        if (image == null || eventTimes.problemOf(image).isPresent()) {
            return Optional.empty();
        }
        long eventTime = eventTimes.of(image, change, now).getAsLong();
        boolean relevant = eventTime > now - longestWindowMillis;
        if (!relevant || eventTime >= now - allowedLatenessMillis) {
            return Optional.empty();
        }
        return Optional.of("late change: event time " + TimeText.instant(eventTime) + " of the " + imageName
                + " image is " + TimeText.duration(now - eventTime) + " behind the pipeline clock "
                + TimeText.instant(now) + ", more than the allowed lateness " + TimeText.duration(allowedLatenessMillis)
                + " of feature view " + viewName + "; it is inside the longest window "
                + TimeText.duration(longestWindowMillis) + ", so applying it would rewrite features already emitted");
    }
}
