package dev.cdcpipeline.sink.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes JSON straight to UTF-8 bytes, the form of Kafka record keys and values. */
public final class JsonBytes {

    // Thread-safe once configured, and costly to create: one for all writers.
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonBytes() {}

    /** Writes one JSON document with the generator it is given. */
    @FunctionalInterface
    public interface Writing {
        void writeTo(JsonGenerator generator) throws IOException;
    }

    /**
     * The bytes {@code writing} produces. Writing to memory cannot fail for want of space, so an
     * {@link IOException} means a bug and is rethrown unchecked.
     */
    public static byte[] write(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            writing.writeTo(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
