package dev.cdcpipeline.change.serialization;

import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * Gives a serializer's bytes to a stream in one write. Checkpoints write state to streams, in
 * which every single byte written is a synchronized {@code DataOutputStream.write} and a chain of
 * virtual calls, and Flink's string encoding writes a char at a time: in the bench's profile that
 * was most of the checkpoints' CPU. Memory targets (the network, RocksDB keys) are written to
 * directly. The bytes are the same either way.
 */
final class OneWriteToStreams {

    /** What a serializer writes. */
    @FunctionalInterface
    interface Writing {
        void writeTo(DataOutputView target) throws IOException;
    }

    // Serializers are shared between threads; each thread puts its bytes together in its own buffer.
    private static final ThreadLocal<DataOutputSerializer> BUFFER = ThreadLocal.withInitial(() -> new DataOutputSerializer(1024));
    private static final int MAX_RETAINED_BUFFER_BYTES = 1 << 20;

    private OneWriteToStreams() {}

    static void write(DataOutputView target, Writing writing) throws IOException {
        if (target instanceof DataOutputSerializer memory) {
            writing.writeTo(memory);
            return;
        }
        DataOutputSerializer buffer = BUFFER.get();
        buffer.clear();
        try {
            writing.writeTo(buffer);
            target.write(buffer.getSharedBuffer(), 0, buffer.length());
        } finally {
            if (buffer.getSharedBuffer().length > MAX_RETAINED_BUFFER_BYTES) {
                // One huge value must not keep a huge buffer alive.
                BUFFER.remove();
            }
        }
    }
}
