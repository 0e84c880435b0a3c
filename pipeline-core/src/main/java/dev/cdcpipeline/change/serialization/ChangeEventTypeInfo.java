package dev.cdcpipeline.change.serialization;

import dev.cdcpipeline.change.ChangeEvent;

/**
 * Type information for {@link ChangeEvent}. Without it Flink would fall back to Kryo, which is
 * slow for maps of mixed values and cannot reach java.time's internals on Java 17.
 */
public final class ChangeEventTypeInfo extends SingletonSerializerTypeInfo<ChangeEvent> {

    public static final ChangeEventTypeInfo INSTANCE = new ChangeEventTypeInfo();

    private ChangeEventTypeInfo() {
        super(ChangeEvent.class, ChangeEventSerializer.INSTANCE, "ChangeEvent");
    }
}
