package dev.cdcpipeline.features;

import dev.cdcpipeline.change.SourcePosition;

import java.util.Comparator;
import java.util.Map;

/**
 * A row of a feature view's table placed in time: its values, its event time and the source
 * position of its last change, which breaks ties between rows of equal event time.
 */
public record TimedRow(Map<String, Object> values, long eventTimeMillis, SourcePosition position) {

    /** Oldest first; of two rows with one event time, the one changed earlier in the source first. */
    public static final Comparator<TimedRow> BY_TIME_THEN_POSITION =
            Comparator.comparingLong(TimedRow::eventTimeMillis).thenComparing(TimedRow::position);

    /** Whether the row is in a window of this length that ends at {@code validAtMillis}: {@code (validAt - length, validAt]}. */
    public boolean inWindow(long lengthMillis, long validAtMillis) {
        return eventTimeMillis > validAtMillis - lengthMillis && eventTimeMillis <= validAtMillis;
    }
}
