package dev.cdcpipeline.features;

import dev.cdcpipeline.config.FeatureWindow;

import org.apache.flink.streaming.api.TimerService;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processing-time timers of an entity's rows: a row at event time t changes the entity's
 * features when it enters the windows (at t, if that is still ahead) and when it leaves each
 * window w (at t + w). Flink keeps one timer per key and timestamp, and rows of one entity may
 * share moments, so a moment's timer is deleted only when no remaining row needs it.
 */
final class RowTimers implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Long> windowMillis;

    RowTimers(List<FeatureWindow> windows) {
        this.windowMillis = windows.stream().map(window -> window.length().toMillis()).toList();
    }

    /** Timers for the moments of a row at {@code eventTime} still ahead of {@code now}; the record at now covers the rest. */
    void register(long eventTime, long now, TimerService timers) {
        for (long moment : momentsOf(eventTime)) {
            if (moment > now) {
                timers.registerProcessingTimeTimer(moment);
            }
        }
    }

    /**
     * Deletes the timers of a row at {@code eventTime} that was removed or moved in time, except
     * those a remaining row needs. Deleting a timer that fired or was never set does nothing.
     */
    void release(long eventTime, Collection<TimedRow> remaining, TimerService timers) {
        Set<Long> needed = new HashSet<>();
        for (TimedRow row : remaining) {
            needed.addAll(momentsOf(row.eventTimeMillis()));
        }
        for (long moment : momentsOf(eventTime)) {
            if (!needed.contains(moment)) {
                timers.deleteProcessingTimeTimer(moment);
            }
        }
    }

    private Set<Long> momentsOf(long eventTime) {
        Set<Long> moments = new HashSet<>();
        moments.add(eventTime);
        for (long window : windowMillis) {
            moments.add(eventTime + window);
        }
        return moments;
    }
}
