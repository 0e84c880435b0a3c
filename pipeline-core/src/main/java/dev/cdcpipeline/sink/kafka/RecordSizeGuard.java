package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.JsonText;
import dev.cdcpipeline.deadletter.DeadLetter;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Sets aside change records larger than the Kafka producer accepts ({@code max.request.size}):
 * the producer would fail on such a record, and the job with it, on every restart. The dead
 * letter carries the change without its rows (it would be too large as well); the warehouse still
 * gets the change.
 *
 * <p>Most records are far below the limit: a cheap upper bound of the record's size lets them pass
 * without serializing them twice; only a record whose bound reaches the limit is measured exactly.
 */
final class RecordSizeGuard extends ProcessFunction<ChangeEvent, ChangeEvent> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("kafka-dead-letters", TypeInformation.of(DeadLetter.class));
    static final String STAGE = "kafka";
    /** Kafka's default {@code max.request.size}. */
    static final int DEFAULT_MAX_REQUEST_BYTES = 1_048_576;
    /** Room for the record's headers, timestamp and the request's own framing. */
    private static final int RECORD_OVERHEAD_BYTES = 512;
    /** The source block, op, ts_ms and the JSON punctuation of the envelope, generously. */
    private static final int ENVELOPE_BYTES = 1_024;
    /** JSON escapes a character as \\uXXXX at worst. */
    private static final int MAX_JSON_BYTES_PER_CHAR = 6;
    private static final int MAX_SCALAR_BYTES = 64;

    private final int maxRecordBytes;
    private transient Counter deadLetters;

    RecordSizeGuard(int maxRequestBytes) {
        this.maxRecordBytes = maxRequestBytes - RECORD_OVERHEAD_BYTES;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().addGroup(STAGE).counter("deadLetters");
    }

    @Override
    public void processElement(ChangeEvent change, Context context, Collector<ChangeEvent> out) {
        if (upperBound(change) < maxRecordBytes) {
            out.collect(change);
            return;
        }
        int size = ChangeEventJson.key(change).length + ChangeEventJson.value(change, "postgresql", 0).length;
        if (size < maxRecordBytes) {
            out.collect(change);
            return;
        }
        deadLetters.inc();
        String reason = "the change record would be " + size + " bytes, more than the " + maxRecordBytes
                + " a Kafka producer with max.request.size " + (maxRecordBytes + RECORD_OVERHEAD_BYTES)
                + " sends; the rows are left out of this dead letter, the warehouse has the change";
        context.output(DEAD_LETTERS, new DeadLetter(STAGE, reason, change.table().toString(),
                new String(ChangeEventJson.withoutRows(change), StandardCharsets.UTF_8), context.timerService().currentProcessingTime()));
    }

    /** At least the record's size in bytes: the key appears twice (record key and {@code key}). */
    static long upperBound(ChangeEvent change) {
        long names = change.table().source().length() + change.table().database().length() + change.table().table().length();
        return ENVELOPE_BYTES + MAX_JSON_BYTES_PER_CHAR * names
                + 2 * rowBound(change.key()) + rowBound(change.before()) + rowBound(change.after());
    }

    private static long rowBound(Map<String, Object> row) {
        if (row == null) {
            return 4;
        }
        long bytes = 2;
        for (Map.Entry<String, Object> column : row.entrySet()) {
            bytes += 4 + (long) MAX_JSON_BYTES_PER_CHAR * column.getKey().length() + valueBound(column.getValue());
        }
        return bytes;
    }

    private static long valueBound(Object value) {
        if (value instanceof String text) {
            return 2 + (long) MAX_JSON_BYTES_PER_CHAR * text.length();
        }
        if (value instanceof JsonText json) {
            // Written raw: UTF-8 needs at most 3 bytes per UTF-16 char.
            return 3L * json.json().length();
        }
        if (value instanceof byte[] bytes) {
            return 4 + 4L * (bytes.length / 3 + 1);
        }
        if (value instanceof List<?> list) {
            long bytes = 2;
            for (Object element : list) {
                bytes += 1 + valueBound(element);
            }
            return bytes;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return 4 + decimal.precision() + Math.abs((long) decimal.scale());
        }
        return MAX_SCALAR_BYTES;
    }
}
