package dev.cdcpipeline.config;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.GlobalConfiguration;

/**
 * An immutable map of options passed through to Flink, Kafka, Debezium or JDBC, in the order written.
 *
 * <p>It exists for its {@link #toString()}: pass-through options can hold credentials
 * ({@code properties.sasl.jaas.config}, {@code jdbc.properties.password}), and the settings records
 * print their maps. Values of keys that Flink itself treats as sensitive are shown as {@code ******},
 * so our logs hide what Flink's logs hide.
 */
final class PassThroughProperties extends AbstractMap<String, String> implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String MASK = "******";

    private final Map<String, String> properties;

    private PassThroughProperties(Map<String, String> properties) {
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static Map<String, String> copyOf(Map<String, String> properties) {
        return new PassThroughProperties(properties);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return properties.entrySet();
    }

    @Override
    public String get(Object key) {
        return properties.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return properties.containsKey(key);
    }

    @Override
    public String toString() {
        return properties.entrySet().stream()
                .map(entry -> entry.getKey() + "="
                        + (GlobalConfiguration.isSensitive(entry.getKey()) ? MASK : entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
