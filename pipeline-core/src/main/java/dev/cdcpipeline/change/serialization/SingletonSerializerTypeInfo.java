package dev.cdcpipeline.change.serialization;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information for an immutable type written by one stateless serializer, so that Flink
 * does not fall back to Kryo for it. Subclasses only name the type, its serializer and how it
 * is shown. Two instances are equal when they are of the same subclass: each subclass stands
 * for one type.
 */
public abstract class SingletonSerializerTypeInfo<T> extends TypeInformation<T> {

    private final Class<T> typeClass;
    private final TypeSerializer<T> serializer;
    private final String displayName;

    protected SingletonSerializerTypeInfo(Class<T> typeClass, TypeSerializer<T> serializer, String displayName) {
        this.typeClass = typeClass;
        this.serializer = serializer;
        this.displayName = displayName;
    }

    @Override
    public final boolean isBasicType() {
        return false;
    }

    @Override
    public final boolean isTupleType() {
        return false;
    }

    @Override
    public final int getArity() {
        return 1;
    }

    @Override
    public final int getTotalFields() {
        return 1;
    }

    @Override
    public final Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public final boolean isKeyType() {
        return false;
    }

    @Override
    public final TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    @Deprecated
    public final TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return serializer;
    }

    @Override
    public final String toString() {
        return displayName;
    }

    @Override
    public final boolean equals(Object other) {
        return canEqual(other);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public final boolean canEqual(Object other) {
        return other != null && other.getClass() == getClass();
    }
}
