package dev.cdcpipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the keys of one YAML mapping (the document root or a section) into typed values.
 *
 * <p>It knows the mapping's key path, so problems name the key in full ({@code source.port}); it
 * substitutes environment variables in every value it reads; and it remembers which keys were read,
 * so that {@link #reportUnknownKeys()} can reject the rest, listing the keys the section accepts.
 *
 * <p>It never throws for a bad value: it records the problem and returns {@code null} (a required
 * key) or the default (an optional key), so that reading goes on and all problems are reported
 * together. Values are quoted in problems only after their format rejected them, and never for
 * secrets or pass-through properties.
 */
final class MappingReader {

    private static final int MAX_QUOTED_LENGTH = 120;
    /** A {@code password=...} parameter inside a quoted value, such as a JDBC URL. */
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s]*");

    private final String path;
    private final ObjectNode mapping;
    private final EnvironmentSubstitution environment;
    private final ConfigProblems problems;
    /** The keys and key prefixes ({@code debezium.*}) this mapping accepts, in the order read. */
    private final Set<String> acceptedKeys = new LinkedHashSet<>();
    private final Set<String> readKeys = new HashSet<>();
    private int problemCount;

    private MappingReader(String path, ObjectNode mapping, EnvironmentSubstitution environment,
            ConfigProblems problems) {
        this.path = path;
        this.mapping = mapping;
        this.environment = environment;
        this.problems = problems;
    }

    static MappingReader forDocument(ObjectNode root, EnvironmentSubstitution environment, ConfigProblems problems) {
        return new MappingReader(KeyPath.ROOT, root, environment, problems);
    }

    /** Whether the key is written in this mapping (with any value). */
    boolean contains(String key) {
        return mapping.has(key);
    }

    /** Whether reading this mapping's own keys found a problem: then no settings may be built from them. */
    boolean hasProblems() {
        return problemCount > 0;
    }

    /** The nested mapping under {@code key}; empty if the key is absent or not a mapping (a problem). */
    Optional<MappingReader> section(String key) {
        markRead(key);
        JsonNode node = mapping.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNull()) {
            return Optional.of(child(key, JsonNodeFactory.instance.objectNode())); // "dedup:" alone: all defaults
        }
        if (!node.isObject()) {
            addProblem(key, "expected a mapping of keys, got " + shapeOf(node));
            return Optional.empty();
        }
        return Optional.of(child(key, (ObjectNode) node));
    }

    /**
     * The mappings of a list under {@code key} ({@code sources:}), each named by its index
     * ({@code sources[1].port}); empty if the key is absent or not a list of mappings (a problem).
     */
    List<MappingReader> sectionList(String key) {
        markRead(key);
        JsonNode node = mapping.get(key);
        if (node == null) {
            return List.of();
        }
        String listPath = KeyPath.child(path, key);
        if (!node.isArray() || node.isEmpty()) {
            addProblemAt(listPath, "expected a list of one or more mappings, got " + shapeOf(node));
            return List.of();
        }
        List<MappingReader> sections = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element.isObject()) {
                sections.add(new MappingReader(KeyPath.element(listPath, i), (ObjectNode) element, environment, problems));
            } else {
                addProblemAt(KeyPath.element(listPath, i), "expected a mapping of keys, got " + shapeOf(element));
            }
        }
        return sections;
    }

    /** As {@link #section}, but an absent section is a problem; {@code hint} says what belongs in it. */
    Optional<MappingReader> requiredSection(String key, String hint) {
        if (!mapping.has(key)) {
            addProblem(key, "required section is missing (" + hint + ")");
        }
        return section(key);
    }

    /** The nested mapping under {@code key}, or an empty one if the section is absent (all its defaults apply). */
    MappingReader sectionOrEmpty(String key) {
        return section(key).orElseGet(() -> child(key, JsonNodeFactory.instance.objectNode()));
    }

    /** The value of a required key, or {@code null} if it is missing or invalid (the problem is recorded). */
    <T> T required(String key, ValueFormat<T> format) {
        markRead(key);
        JsonNode node = mapping.get(key);
        if (node == null) {
            addProblem(key, "required key is missing (" + format.expected() + ")");
            return null;
        }
        return convert(KeyPath.child(path, key), node, format);
    }

    /** The value of an optional key, or {@code defaultValue} if it is absent (or invalid: the problem is recorded). */
    <T> T optional(String key, ValueFormat<T> format, T defaultValue) {
        markRead(key);
        JsonNode node = mapping.get(key);
        if (node == null) {
            return defaultValue;
        }
        T value = convert(KeyPath.child(path, key), node, format);
        return value == null ? defaultValue : value;
    }

    /**
     * A required credential, or {@code null} if it is missing or not a single value. Problems describe
     * the value's shape and never quote it. An empty value is accepted only when written as {@code ""}.
     */
    Secret requiredSecret(String key) {
        String text = required(key, ValueFormat.anyText("a password; write \"\" for an empty one"));
        return text == null ? null : Secret.of(text);
    }

    /**
     * A required list with at least one element, written as a YAML list or as a comma-separated
     * string; {@code null} if missing or if any element is invalid. Elements are trimmed. Problems
     * with an element name it by index: {@code source.tables[1]}.
     */
    <T> List<T> requiredList(String key, ValueFormat<T> elementFormat) {
        markRead(key);
        String listPath = KeyPath.child(path, key);
        String expected = "a YAML list or a comma-separated string of " + elementFormat.expected();
        JsonNode node = mapping.get(key);
        if (node == null) {
            addProblemAt(listPath, "required key is missing (" + expected + ")");
            return null;
        }
        List<T> values = new ArrayList<>();
        if (node.isTextual()) {
            // Substituted before splitting, so that one variable can hold the whole list.
            String text = scalarText(listPath, node, expected);
            if (text == null) {
                return null;
            }
            String[] entries = text.isBlank() ? new String[0] : text.split(",", -1);
            for (int i = 0; i < entries.length; i++) {
                values.add(parse(KeyPath.element(listPath, i), entries[i].strip(), elementFormat));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String elementPath = KeyPath.element(listPath, i);
                String text = scalarText(elementPath, node.get(i), "a single value");
                values.add(text == null ? null : parse(elementPath, text.strip(), elementFormat));
            }
        } else {
            addProblemAt(listPath, "expected " + expected + ", got " + shapeOf(node));
            return null;
        }
        if (values.isEmpty()) {
            addProblemAt(listPath, "expected at least one entry (" + expected + "), got none");
            return null;
        }
        return values.contains(null) ? null : values;
    }

    /** As {@link #requiredList}, but an absent key gives an empty list. */
    <T> List<T> optionalList(String key, ValueFormat<T> elementFormat) {
        if (!mapping.has(key)) {
            markRead(key);
            return List.of();
        }
        List<T> values = requiredList(key, elementFormat);
        return values == null ? List.of() : values;
    }

    /** An optional credential; {@code null} if absent (or not a single value: a problem). */
    Secret optionalSecret(String key) {
        return mapping.has(key) ? requiredSecret(key) : null;
    }

    /**
     * A nested mapping of names to single values, in the order written ({@code rename-columns:
     * {email: contact}}); empty if the key is absent. The names are not checked here (they are column
     * names, checked against the table later); each value is substituted and parsed with {@code format}.
     */
    <T> Map<String, T> namedValues(String key, ValueFormat<T> format) {
        markRead(key);
        Map<String, T> values = new LinkedHashMap<>();
        JsonNode node = mapping.get(key);
        if (node == null) {
            return values;
        }
        String mappingPath = KeyPath.child(path, key);
        if (!node.isObject()) {
            addProblemAt(mappingPath, "expected a mapping of names to values, got " + shapeOf(node));
            return values;
        }
        node.fields().forEachRemaining(field -> {
            T value = convert(KeyPath.child(mappingPath, field.getKey()), field.getValue(), format);
            if (value != null) {
                values.put(field.getKey(), value);
            }
        });
        return values;
    }

    /**
     * Every key that starts with {@code prefix}, with the prefix removed, and its value as a string.
     * The values are not validated: they belong to the library they are passed to.
     */
    Map<String, String> prefixedProperties(String prefix) {
        acceptedKeys.add(prefix + "*");
        Map<String, String> properties = new LinkedHashMap<>();
        mapping.fields().forEachRemaining(field -> {
            String key = field.getKey();
            if (!key.startsWith(prefix)) {
                return;
            }
            readKeys.add(key);
            String name = key.substring(prefix.length());
            if (name.isEmpty()) {
                addProblem(key, "expected a property name after '" + prefix + "'");
                return;
            }
            String value = passThroughText(key, field.getValue());
            if (value != null) {
                properties.put(name, value);
            }
        });
        return properties;
    }

    /** Every key of this mapping with its value as a string, for sections passed through as they are. */
    Map<String, String> allProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        mapping.fields().forEachRemaining(field -> {
            readKeys.add(field.getKey());
            String value = passThroughText(field.getKey(), field.getValue());
            if (value != null) {
                properties.put(field.getKey(), value);
            }
        });
        return properties;
    }

    /** Checks text already read (a pass-through value that we also interpret) against a format. */
    <T> T validate(String key, String text, ValueFormat<T> format) {
        return parse(KeyPath.child(path, key), text, format);
    }

    /** The full path of a key of this mapping, for messages: {@code kafka.bootstrap-servers}. */
    String pathOf(String key) {
        return KeyPath.child(path, key);
    }

    /** A problem found by a check that spans keys; {@code key} is relative to this mapping. */
    void addProblem(String key, String description) {
        addProblemAt(KeyPath.child(path, key), description);
    }

    /** Records every key of this mapping that no read asked for. Call it after reading the mapping. */
    void reportUnknownKeys() {
        mapping.fieldNames().forEachRemaining(key -> {
            if (!readKeys.contains(key)) {
                addProblem(key, "unknown key; expected one of " + String.join(", ", acceptedKeys));
            }
        });
    }

    private MappingReader child(String key, ObjectNode node) {
        return new MappingReader(KeyPath.child(path, key), node, environment, problems);
    }

    private void markRead(String key) {
        acceptedKeys.add(key);
        readKeys.add(key);
    }

    private <T> T convert(String keyPath, JsonNode node, ValueFormat<T> format) {
        String text = scalarText(keyPath, node, format.expected());
        return text == null ? null : parse(keyPath, text, format);
    }

    private <T> T parse(String keyPath, String text, ValueFormat<T> format) {
        try {
            return format.parse(text);
        } catch (IllegalArgumentException e) {
            addProblemAt(keyPath, "expected " + format.expected() + ", got " + quote(text));
            return null;
        }
    }

    /** The node's text with environment variables substituted; {@code null} if it is not a single value. */
    private String scalarText(String keyPath, JsonNode node, String expected) {
        if (!node.isTextual()) {
            addProblemAt(keyPath, "expected " + expected + ", got " + shapeOf(node));
            return null;
        }
        try {
            return environment.substitute(node.textValue());
        } catch (IllegalArgumentException e) {
            addProblemAt(keyPath, e.getMessage()); // names the variable, never the value
            return null;
        }
    }

    private String passThroughText(String key, JsonNode node) {
        return scalarText(KeyPath.child(path, key), node,
                "a single value (write nested options as flat keys, such as execution.checkpointing.interval: 10s)");
    }

    private void addProblemAt(String keyPath, String description) {
        problemCount++;
        problems.add(keyPath, description);
    }

    private static String shapeOf(JsonNode node) {
        if (node.isNull()) {
            return "an empty value";
        }
        if (node.isTextual()) {
            return "a single value";
        }
        return node.isArray() ? "a list" : "a mapping";
    }

    private static String quote(String text) {
        if (text.isEmpty()) {
            return "an empty string";
        }
        String shown = text.length() <= MAX_QUOTED_LENGTH ? text : text.substring(0, MAX_QUOTED_LENGTH) + "...";
        // A URL rejected for carrying a password must not print it.
        return "'" + PASSWORD_PARAMETER.matcher(shown).replaceAll("$1******") + "'";
    }
}
