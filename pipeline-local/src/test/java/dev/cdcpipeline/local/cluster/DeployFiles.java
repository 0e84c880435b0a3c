package dev.cdcpipeline.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import org.w3c.dom.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

/** The files of deploy/, read the way the tools that use them read them, and the build they must agree with. */
final class DeployFiles {

    private static final Pattern DOCKERFILE_FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern DOCKERFILE_COPY = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private DeployFiles() {}

    static Path root() {
        return BuildOutputs.deployDirectory();
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> yamlFiles() {
        return all().stream().filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")).toList();
    }

    /** Every Kubernetes resource of the given kind in deploy/kubernetes. */
    static List<JsonNode> kubernetesResources(String kind) {
        return yamlFiles().stream()
                .filter(file -> file.startsWith(root().resolve("kubernetes")))
                .flatMap(file -> YamlDocuments.readAll(file).stream())
                .filter(resource -> resource.path("kind").asText().equals(kind))
                .toList();
    }

    static JsonNode compose() {
        return YamlDocuments.readAll(root().resolve("docker-compose/docker-compose.yml")).get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dockerfileBaseImage() {
        return single(DOCKERFILE_FROM.matcher(read(root().resolve("kubernetes/Dockerfile")))).group(1);
    }

    /** The source (relative to the build context, the repository root) and the target of the Dockerfile's COPY. */
    static List<String> dockerfileCopy() {
        Matcher copy = single(DOCKERFILE_COPY.matcher(read(root().resolve("kubernetes/Dockerfile"))));
        return List.of(copy.group(1), copy.group(2));
    }

    /** The names of the environment variables a text refers to as {@code ${NAME}}. */
    static List<String> variableReferences(String text) {
        return VARIABLE_REFERENCE.matcher(text).results().map(match -> match.group(1)).distinct().toList();
    }

    /** What pipeline-jobs/pom.xml builds: the jar's file name and the main class its manifest names. */
    record JobJar(String fileName, String mainClass) {
        static JobJar asBuilt() throws Exception {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(BuildOutputs.repositoryRoot().resolve("pipeline-jobs/pom.xml").toFile());
            var xpath = XPathFactory.newInstance().newXPath();
            return new JobJar(
                    xpath.evaluate("/project/build/finalName", pom) + ".jar",
                    xpath.evaluate("//transformer[contains(@implementation, 'ManifestResourceTransformer')]/mainClass", pom));
        }
    }

    private static Matcher single(Matcher matcher) {
        if (!matcher.find()) {
            throw new AssertionError("The Dockerfile has no line matching " + matcher.pattern());
        }
        return matcher;
    }
}
