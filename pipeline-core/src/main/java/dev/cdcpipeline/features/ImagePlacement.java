package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.config.FeatureViewSettings;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a row image can be placed in an entity's windows: it needs an entity value and an event
 * time, and that time may be at most one longest window ahead of the clock. A row further ahead
 * would sit in state for more than two windows before it counts (usually a wrong date, such as
 * 9999-12-31), and would outlive the state TTL that backs up the timers.
 */
final class ImagePlacement implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String entityColumn;
    private final EventTimes eventTimes;
    private final long longestWindowMillis;

    ImagePlacement(EventTimes eventTimes, FeatureViewSettings settings) {
        this.entityColumn = settings.entityColumn();
        this.eventTimes = eventTimes;
        this.longestWindowMillis = settings.longestWindow().toMillis();
    }

    /** Why {@code image}, a row of {@code change}, cannot be placed, if it cannot. */
    Optional<String> problemOf(Map<String, Object> image, ChangeEvent change, long nowMillis) {
        if (image.get(entityColumn) == null) {
            return Optional.of("entity column '" + entityColumn + "' is null");
        }
        Optional<String> noEventTime = eventTimes.problemOf(image);
        if (noEventTime.isPresent()) {
            return noEventTime;
        }
        long eventTime = eventTimes.of(image, change, nowMillis).getAsLong();
        if (eventTime > nowMillis + longestWindowMillis) {
            return Optional.of("event time " + TimeText.instant(eventTime) + " is " + TimeText.duration(eventTime - nowMillis)
                    + " ahead of the pipeline clock " + TimeText.instant(nowMillis) + ", more than the longest window "
                    + TimeText.duration(longestWindowMillis));
        }
        return Optional.empty();
    }
}
