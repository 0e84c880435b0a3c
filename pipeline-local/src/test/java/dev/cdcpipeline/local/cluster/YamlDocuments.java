package dev.cdcpipeline.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the YAML files of deploy/: every document of a file, and Flink configurations as flat key-value maps. */
final class YamlDocuments {

    private static final YAMLMapper YAML = new YAMLMapper();

    private YamlDocuments() {}

    /** All documents of a file ({@code ---} separates them in Kubernetes manifests); empty documents are skipped. */
    static List<JsonNode> readAll(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll().stream().filter(document -> !document.isMissingNode() && !document.isNull()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid YAML: " + file + ": " + e.getMessage(), e);
        }
    }

    static JsonNode read(String yamlText) {
        try {
            return YAML.readTree(yamlText);
        } catch (IOException e) {
            throw new UncheckedIOException("Not valid YAML: " + e.getMessage(), e);
        }
    }

    /**
     * A Flink configuration as Flink reads it: nested keys joined with dots ({@code state: {backend: ...}} is
     * {@code state.backend}), every value as text.
     */
    static Map<String, String> flinkOptions(JsonNode configuration) {
        Map<String, String> options = new LinkedHashMap<>();
        flatten("", configuration, options);
        return options;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> options) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), options));
        } else {
            options.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }
}
