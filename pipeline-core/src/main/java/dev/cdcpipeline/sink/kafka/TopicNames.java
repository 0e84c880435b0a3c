package dev.cdcpipeline.sink.kafka;

import dev.cdcpipeline.change.TableId;

import java.util.regex.Pattern;

/** Fills the topic name template and checks the result is a name Kafka accepts. */
public final class TopicNames {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private TopicNames() {}

    public static String topicFor(String template, String pipeline, TableId table) {
        String topic =
                template.replace("{pipeline}", pipeline)
                        .replace("{database}", table.database())
                        .replace("{table}", table.table());
        if (!LEGAL.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(
                    "kafka.topic: '" + template + "' gives the topic name '" + topic + "' for " + table
                            + ", but Kafka topic names are 1 to 249 of a-z A-Z 0-9 . _ -");
        }
        return topic;
    }
}
