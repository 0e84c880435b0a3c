package dev.cdcpipeline.change.serialization;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.io.IOException;

/**
 * The serializer of the partition key that keys the pipeline's state ({@code ChangeEvent#partitionKey}):
 * Flink's {@link StringSerializer}, bytes and all, except that it hands a checkpoint stream each
 * key in one write (see {@link OneWriteToStreams}). A heap checkpoint writes every key the dedup
 * state holds, and written a char at a time those keys took most of the checkpoints' CPU while
 * streaming in the bench's profile.
 *
 * <p>State written with Flink's own serializer, by pipelines before this one, restores as is.
 */
public final class PartitionKeySerializer extends TypeSerializerSingleton<String> {

    private static final long serialVersionUID = 1L;

    public static final PartitionKeySerializer INSTANCE = new PartitionKeySerializer();

    private static final StringSerializer STRINGS = StringSerializer.INSTANCE;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String createInstance() {
        return STRINGS.createInstance();
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public String copy(String from, String reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String key, DataOutputView target) throws IOException {
        OneWriteToStreams.write(target, out -> STRINGS.serialize(key, out));
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return STRINGS.deserialize(source);
    }

    @Override
    public String deserialize(String reuse, DataInputView source) throws IOException {
        return STRINGS.deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        STRINGS.copy(source, target);
    }

    @Override
    public TypeSerializerSnapshot<String> snapshotConfiguration() {
        return new PartitionKeySerializerSnapshot();
    }

    /** Restores this serializer, and takes over state whose keys Flink's {@link StringSerializer} wrote. */
    public static final class PartitionKeySerializerSnapshot extends SimpleTypeSerializerSnapshot<String> {

        public PartitionKeySerializerSnapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<String> resolveSchemaCompatibility(
                TypeSerializerSnapshot<String> oldSerializerSnapshot) {
            if (oldSerializerSnapshot instanceof StringSerializer.StringSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return super.resolveSchemaCompatibility(oldSerializerSnapshot);
        }
    }
}
