package dev.cdcpipeline.change.serialization;

import dev.cdcpipeline.change.ChangeEvent;

import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.lang.reflect.Type;
import java.util.Map;

/** Tells Flink's type extraction to use {@link ChangeEventSerializer} wherever a ChangeEvent flows. */
public class ChangeEventTypeInfoFactory extends TypeInfoFactory<ChangeEvent> {

    @Override
    public TypeInformation<ChangeEvent> createTypeInfo(
            Type type, Map<String, TypeInformation<?>> genericParameters) {
        return ChangeEventTypeInfo.INSTANCE;
    }
}
