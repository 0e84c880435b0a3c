package dev.cdcpipeline.features.serialization;

import dev.cdcpipeline.change.serialization.SingletonSerializerTypeInfo;
import dev.cdcpipeline.features.FeatureRecord;

/**
 * Type information for {@link FeatureRecord}. Without it Flink would fall back to Kryo, which
 * cannot reach java.time's internals on Java 17 and is slow for maps of mixed values.
 */
public final class FeatureRecordTypeInfo extends SingletonSerializerTypeInfo<FeatureRecord> {

    public static final FeatureRecordTypeInfo INSTANCE = new FeatureRecordTypeInfo();

    private FeatureRecordTypeInfo() {
        super(FeatureRecord.class, FeatureRecordSerializer.INSTANCE, "FeatureRecord");
    }
}
