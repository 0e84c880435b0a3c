package dev.cdcpipeline.change.serialization;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.SourcePosition;
import dev.cdcpipeline.change.TableId;

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
 * Writes a {@link ChangeEvent} field by field. Change events are immutable, so copies are the
 * event itself. The layout is versioned by the snapshot class: change it only with a new one.
 */
public final class ChangeEventSerializer extends TypeSerializerSingleton<ChangeEvent> {

    public static final ChangeEventSerializer INSTANCE = new ChangeEventSerializer();

    private static final int ABSENT_ROW = -1;
    private static final Operation[] OPERATIONS = Operation.values();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public ChangeEvent createInstance() {
        return null;
    }

    @Override
    public ChangeEvent copy(ChangeEvent from) {
        return from;
    }

    @Override
    public ChangeEvent copy(ChangeEvent from, ChangeEvent reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(ChangeEvent event, DataOutputView target) throws IOException {
        // Checkpoints of the events held in operator state write to streams (see OneWriteToStreams).
        OneWriteToStreams.write(target, out -> write(event, out));
    }

    private static void write(ChangeEvent event, DataOutputView target) throws IOException {
        StringValue.writeString(event.table().source(), target);
        StringValue.writeString(event.table().database(), target);
        StringValue.writeString(event.table().table(), target);
        target.writeByte(event.operation().ordinal());
        writeRow(event.key(), target);
        writeRow(event.before(), target);
        writeRow(event.after(), target);
        SourcePosition position = event.position();
        target.writeLong(position.segment());
        target.writeLong(position.offset());
        target.writeLong(position.index());
        target.writeLong(event.sourceTimestampMillis());
    }

    @Override
    public ChangeEvent deserialize(DataInputView source) throws IOException {
        TableId table = new TableId(
                StringValue.readString(source), StringValue.readString(source), StringValue.readString(source));
        Operation operation = OPERATIONS[source.readByte()];
        Map<String, Object> key = readRow(source);
        Map<String, Object> before = readRow(source);
        Map<String, Object> after = readRow(source);
        SourcePosition position =
                new SourcePosition(source.readLong(), source.readLong(), source.readLong());
        long sourceTimestamp = source.readLong();
        return new ChangeEvent(table, operation, key, before, after, position, sourceTimestamp);
    }

    @Override
    public ChangeEvent deserialize(ChangeEvent reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    private static void writeRow(Map<String, Object> row, DataOutputView target) throws IOException {
        if (row == null) {
            target.writeInt(ABSENT_ROW);
            return;
        }
        target.writeInt(row.size());
        for (Map.Entry<String, Object> column : row.entrySet()) {
            StringValue.writeString(column.getKey(), target);
            RowValueCodec.write(column.getValue(), target);
        }
    }

    private static Map<String, Object> readRow(DataInputView source) throws IOException {
        int size = source.readInt();
        if (size == ABSENT_ROW) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            row.put(StringValue.readString(source), RowValueCodec.read(source));
        }
        return Collections.unmodifiableMap(row);
    }

    @Override
    public TypeSerializerSnapshot<ChangeEvent> snapshotConfiguration() {
        return new ChangeEventSerializerSnapshot();
    }

    /** Restores this serializer from checkpoints and savepoints. */
    public static final class ChangeEventSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<ChangeEvent> {
        public ChangeEventSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
