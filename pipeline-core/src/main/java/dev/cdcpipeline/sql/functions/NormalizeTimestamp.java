package dev.cdcpipeline.sql.functions;

import dev.cdcpipeline.functions.Timestamps;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * {@code normalize_timestamp(value)} for a TIMESTAMP, a TIMESTAMP_LTZ or a string: see
 * {@link Timestamps}. The parameters take the highest precision, so that any TIMESTAMP(p) is
 * widened to them without losing digits.
 */
public final class NormalizeTimestamp extends ScalarFunction {

    public String eval(@DataTypeHint("TIMESTAMP(9)") LocalDateTime dateTime) {
        return Timestamps.normalizeTimestamp(dateTime);
    }

    public String eval(@DataTypeHint("TIMESTAMP_LTZ(9)") Instant instant) {
        return Timestamps.normalizeTimestamp(instant);
    }

    public String eval(String text) {
        return Timestamps.normalizeTimestamp(text);
    }
}
