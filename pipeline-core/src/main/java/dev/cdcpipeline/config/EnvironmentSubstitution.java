package dev.cdcpipeline.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces environment variable references in a value of the pipeline definition, so that
 * credentials and host names can stay out of the file.
 *
 * <ul>
 *   <li>{@code ${NAME}}: the variable's value; an error if it is not set (an empty value is used as is).
 *   <li>{@code ${NAME:-default}}: the variable's value, or {@code default} if it is unset or empty
 *       (as in a POSIX shell). The default is taken literally: references do not nest.
 *   <li><code>$${</code>: a literal <code>${</code>, for a value that must contain it.
 * </ul>
 *
 * A value may hold several references: {@code jdbc:postgresql://${PGHOST}:${PGPORT:-5432}/db}.
 *
 * <p>Used for the pipeline definition and for SQL scripts ({@code dev.cdcpipeline.sql}).
 */
public final class EnvironmentSubstitution {

    private static final String ESCAPED_REFERENCE_START = "$${";
    private static final String REFERENCE_START = "${";

    /** Either the escape <code>$${</code>, or a reference: group 1 the name, group 2 the default (if any). */
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> environment;

    /** @param environment the variables to use; production passes {@link System#getenv()} */
    public EnvironmentSubstitution(Map<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The value with every reference replaced.
     *
     * @throws IllegalArgumentException naming the unset variables, or saying that a reference is
     *     malformed. The message never contains the value, which may be a password.
     */
    public String substitute(String value) {
        return substitute(value, UnaryOperator.identity());
    }

    /**
     * The value with every reference replaced by what {@code escape} makes of the variable's value
     * (or default): for a reference inside a quoted literal, the value's quotes must be escaped.
     *
     * @throws IllegalArgumentException as {@link #substitute(String)}
     */
    public String substitute(String value, UnaryOperator<String> escape) {
        if (!value.contains(REFERENCE_START)) {
            return value;
        }
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder();
        Set<String> unsetVariables = new LinkedHashSet<>();
        int copiedUpTo = 0;
        while (reference.find()) {
            result.append(literalText(value.substring(copiedUpTo, reference.start())));
            if (reference.group().equals(ESCAPED_REFERENCE_START)) {
                result.append(REFERENCE_START);
            } else {
                String resolved = resolve(reference.group(1), reference.group(2));
                if (resolved == null) {
                    unsetVariables.add(reference.group(1));
                } else {
                    result.append(escape.apply(resolved));
                }
            }
            copiedUpTo = reference.end();
        }
        result.append(literalText(value.substring(copiedUpTo)));
        if (!unsetVariables.isEmpty()) {
            throw new IllegalArgumentException(unsetVariables.size() == 1
                    ? "environment variable " + unsetVariables.iterator().next() + " is not set"
                    : "environment variables " + String.join(", ", unsetVariables) + " are not set");
        }
        return result.toString();
    }

    /** The variable's value, the default, or {@code null} if neither applies. */
    private String resolve(String name, String defaultValue) {
        String value = environment.get(name);
        if (defaultValue != null && (value == null || value.isEmpty())) {
            return defaultValue;
        }
        return value;
    }

    /** Text between references; a <code>${</code> left in it is a reference we could not read. */
    private static String literalText(String text) {
        if (text.contains(REFERENCE_START)) {
            throw new IllegalArgumentException("malformed environment variable reference: expected ${NAME} or"
                    + " ${NAME:-default} with NAME made of letters, digits and '_' (write $${ for a literal ${)");
        }
        return text;
    }
}
