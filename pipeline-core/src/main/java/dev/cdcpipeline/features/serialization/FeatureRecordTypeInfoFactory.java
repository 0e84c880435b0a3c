package dev.cdcpipeline.features.serialization;

import dev.cdcpipeline.features.FeatureRecord;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.lang.reflect.Type;
import java.util.Map;

/** Tells Flink's type extraction to use {@link FeatureRecordSerializer} wherever a FeatureRecord flows. */
public class FeatureRecordTypeInfoFactory extends TypeInfoFactory<FeatureRecord> {

    @Override
    public TypeInformation<FeatureRecord> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
        return FeatureRecordTypeInfo.INSTANCE;
    }
}
