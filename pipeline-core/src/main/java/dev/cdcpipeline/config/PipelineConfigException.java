package dev.cdcpipeline.config;

import java.util.List;

/**
 * The pipeline definition cannot be used. The message lists every problem found, one per line:
 *
 * <pre>
 * Invalid pipeline definition shop-mirror.yaml:
 *   - source.port: expected an integer between 1 and 65535, got 'abc'
 *   - kafka.delivery: expected one of exactly-once, at-least-once, got 'exactly_once'
 * </pre>
 *
 * <p>No message ever holds a password: problems with a secret describe it, never quote it.
 */
public class PipelineConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param source the file the definition was read from, or {@code null} for text given directly
     * @param problems one line each, {@code <key path>: <what was expected>, got <what was found>}
     */
    public PipelineConfigException(String source, List<String> problems) {
        this(source, problems, null);
    }

    /** As {@link #PipelineConfigException(String, List)}, for a problem caused by an exception (reading the file). */
    public PipelineConfigException(String source, List<String> problems, Throwable cause) {
        super(message(source, problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order found, as listed in the message (without the leading {@code "  - "}). */
    public List<String> getProblems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        StringBuilder message = new StringBuilder("Invalid pipeline definition");
        if (source != null) {
            message.append(' ').append(source);
        }
        message.append(':');
        problems.forEach(problem -> message.append(System.lineSeparator()).append("  - ").append(problem));
        return message.toString();
    }
}
