package dev.cdcpipeline.change.serialization;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** The type of the partition key that keys the pipeline's state: a {@code String} written by {@link PartitionKeySerializer}. */
public final class PartitionKeyTypeInfo extends TypeInformation<String> {

    private static final long serialVersionUID = 1L;

    public static final PartitionKeyTypeInfo INSTANCE = new PartitionKeyTypeInfo();

    private PartitionKeyTypeInfo() {}

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<String> getTypeClass() {
        return String.class;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<String> createSerializer(SerializerConfig config) {
        return PartitionKeySerializer.INSTANCE;
    }

    @Override
    @Deprecated
    public TypeSerializer<String> createSerializer(ExecutionConfig config) {
        return PartitionKeySerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "PartitionKey";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartitionKeyTypeInfo;
    }

    @Override
    public int hashCode() {
        return PartitionKeyTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof PartitionKeyTypeInfo;
    }
}
