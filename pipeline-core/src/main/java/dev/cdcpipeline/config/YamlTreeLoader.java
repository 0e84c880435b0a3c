package dev.cdcpipeline.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads YAML text into a Jackson tree in which every scalar is a {@code TextNode} holding the text
 * as written, and an empty value ({@code key:} or {@code ~}) is a {@code NullNode}.
 *
 * <p>Why not {@code ObjectMapper.readTree}: it types scalars the YAML 1.1 way and loses the text, so
 * a password {@code 0123} would come back as the number 83 and {@code on} as {@code true}. Here each
 * key decides how to read its own text. Building the tree ourselves also catches duplicate keys,
 * which {@code readTree} resolves silently (the last one wins).
 */
final class YamlTreeLoader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ConfigProblems problems;

    private YamlTreeLoader(ConfigProblems problems) {
        this.problems = problems;
    }

    /**
     * The document's root node, a {@code NullNode} if the text holds no document; empty if the text
     * is not valid YAML, the reason recorded in {@code problems}. Duplicate keys are recorded as
     * problems too.
     */
    static Optional<JsonNode> load(String yamlText, ConfigProblems problems) {
        return new YamlTreeLoader(problems).load(yamlText);
    }

    private Optional<JsonNode> load(String yamlText) {
        try (JsonParser parser = YAML.createParser(yamlText)) {
            if (parser.nextToken() == null) {
                return Optional.of(NODES.nullNode()); // empty, or only comments
            }
            JsonNode root = readValue(parser, KeyPath.ROOT);
            if (parser.nextToken() != null) {
                problems.addDocumentProblem("the file holds more than one YAML document (---); expected exactly one");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.addDocumentProblem(describeSyntaxError(e));
            return Optional.empty();
        } catch (IOException e) {
            // Reading from a String only fails on the YAML itself, but the API declares IOException.
            problems.addDocumentProblem("the text could not be read as YAML: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Reads the value at the parser's current token and everything nested in it. */
    private JsonNode readValue(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMapping(parser, path);
            case START_ARRAY -> readList(parser, path);
            case VALUE_NULL -> NODES.nullNode();
            default -> NODES.textNode(parser.getText());
        };
    }

    private ObjectNode readMapping(JsonParser parser, String path) throws IOException {
        ObjectNode mapping = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String keyPath = KeyPath.child(path, key);
            parser.nextToken();
            JsonNode value = readValue(parser, keyPath);
            if (mapping.has(key)) {
                problems.add(keyPath, "duplicate key; each key may appear once in a section");
            } else {
                mapping.set(key, value);
            }
        }
        return mapping;
    }

    private ArrayNode readList(JsonParser parser, String path) throws IOException {
        ArrayNode list = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(parser, KeyPath.element(path, list.size())));
        }
        return list;
    }

    /**
     * Line, column and SnakeYAML's short description of the problem. Not the exception's message: it
     * quotes the offending line, which may be the one holding a password.
     */
    private static String describeSyntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yamlError && yamlError.getProblemMark() != null) {
            String context = yamlError.getContext() == null ? "" : " (" + yamlError.getContext() + ")";
            return String.format("YAML syntax error at line %d, column %d: %s%s",
                    yamlError.getProblemMark().getLine() + 1, yamlError.getProblemMark().getColumn() + 1,
                    yamlError.getProblem(), context);
        }
        JsonLocation location = e.getLocation();
        return location == null
                ? "YAML syntax error"
                : String.format("YAML syntax error at line %d, column %d",
                        location.getLineNr(), location.getColumnNr());
    }
}
