package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.change.TableId;

import dev.cdcpipeline.config.PipelineConfigException;

import java.util.List;
import java.util.regex.Pattern;

/** Checks that a topic name is one Kafka accepts. */
public final class TopicNames {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private TopicNames() {}

    /** The topic name, if Kafka accepts it. */
    public static String requireLegal(String topic, TableId table) {
        return requireLegal(topic, "kafka.topic", "for " + table);
    }

    /** The topic name, if Kafka accepts it; {@code key} is where the definition sets it. */
    public static String requireLegal(String topic, String key) {
        return requireLegal(topic, key, "");
    }

    private static String requireLegal(String topic, String key, String forWhat) {
        if (!LEGAL.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new PipelineConfigException(null, List.of(key + ": gives the topic name '" + topic + "'"
                    + (forWhat.isEmpty() ? "" : " " + forWhat) + ", but Kafka topic names are 1 to 249 of a-z A-Z 0-9 . _ -"));
        }
        return topic;
    }
}
