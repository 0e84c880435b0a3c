package dev.cdcpipeline.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with a pipeline definition, so that the user sees every problem at once
 * instead of fixing them one run at a time.
 */
final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    /** A problem with one key, e.g. {@code ("source.port", "expected an integer ..., got 'abc'")}. */
    void add(String keyPath, String description) {
        problems.add(keyPath + ": " + description);
    }

    /** A problem with the document as a whole (a YAML syntax error, an empty file). */
    void addDocumentProblem(String description) {
        problems.add(description);
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @param source the file name for the message, or {@code null} */
    void throwIfAny(String source) {
        if (!problems.isEmpty()) {
            throw new PipelineConfigException(source, problems);
        }
    }
}
