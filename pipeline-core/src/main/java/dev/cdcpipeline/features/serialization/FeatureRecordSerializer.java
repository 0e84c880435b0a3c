package dev.cdcpipeline.features.serialization;

import dev.cdcpipeline.change.serialization.RowValueCodec;
import dev.cdcpipeline.features.FeatureRecord;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link FeatureRecord} field by field; the entity and the feature values with the row
 * value encoding of change events, the features in their order. Feature records are immutable,
 * so copies are the record itself. The layout is versioned by the snapshot class: change it only
 * with a new one.
 */
public final class FeatureRecordSerializer extends TypeSerializerSingleton<FeatureRecord> {

    public static final FeatureRecordSerializer INSTANCE = new FeatureRecordSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public FeatureRecord createInstance() {
        return null;
    }

    @Override
    public FeatureRecord copy(FeatureRecord from) {
        return from;
    }

    @Override
    public FeatureRecord copy(FeatureRecord from, FeatureRecord reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(FeatureRecord record, DataOutputView target) throws IOException {
        StringValue.writeString(record.view(), target);
        RowValueCodec.write(record.entity(), target);
        target.writeInt(record.features().size());
        for (Map.Entry<String, Object> feature : record.features().entrySet()) {
            StringValue.writeString(feature.getKey(), target);
            RowValueCodec.write(feature.getValue(), target);
        }
        target.writeLong(record.validAtMillis());
        target.writeLong(record.computedAtMillis());
        target.writeBoolean(record.last());
    }

    @Override
    public FeatureRecord deserialize(DataInputView source) throws IOException {
        String view = StringValue.readString(source);
        Object entity = RowValueCodec.read(source);
        int size = source.readInt();
        Map<String, Object> features = new LinkedHashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            features.put(StringValue.readString(source), RowValueCodec.read(source));
        }
        long validAt = source.readLong();
        long computedAt = source.readLong();
        boolean last = source.readBoolean();
        return new FeatureRecord(view, entity, Collections.unmodifiableMap(features), validAt, computedAt, last);
    }

    @Override
    public FeatureRecord deserialize(FeatureRecord reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<FeatureRecord> snapshotConfiguration() {
        return new FeatureRecordSerializerSnapshot();
    }

    /** Restores this serializer from checkpoints and savepoints. */
    public static final class FeatureRecordSerializerSnapshot extends SimpleTypeSerializerSnapshot<FeatureRecord> {
        public FeatureRecordSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
