package dev.cdcpipeline.deadletter;

import dev.cdcpipeline.sink.kafka.JsonBytes;

import java.time.Instant;

/**
 * A dead letter on Kafka:
 *
 * <pre>{@code
 * {"stage":"transform","reason":"division by zero in amount / quantity","table":"mysql:shop.orders",
 *  "failed_at":"2026-11-25T10:00:00.123Z","event":{"op":"u","source":{...},"key":{...},"before":{...},"after":{...},"ts_ms":...}}
 * }</pre>
 *
 * The key is the table as a JSON string ({@code "mysql:shop.orders"}), so one table's dead letters
 * stay in order and every key on the pipeline's topics is JSON.
 */
public final class DeadLetterJson {

    private DeadLetterJson() {}

    public static byte[] key(DeadLetter deadLetter) {
        return JsonBytes.write(generator -> generator.writeString(deadLetter.table()));
    }

    public static byte[] value(DeadLetter deadLetter) {
        return JsonBytes.write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("stage", deadLetter.stage());
            generator.writeStringField("reason", deadLetter.reason());
            generator.writeStringField("table", deadLetter.table());
            generator.writeStringField("failed_at", Instant.ofEpochMilli(deadLetter.failedAtMillis()).toString());
            generator.writeFieldName("event");
            generator.writeRawValue(deadLetter.event());
            generator.writeEndObject();
        });
    }
}
