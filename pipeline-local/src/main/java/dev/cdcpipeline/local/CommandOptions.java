package dev.cdcpipeline.local;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The {@code --name value} pairs of a command line, checked against the names the command knows. */
public final class CommandOptions {

    private final Map<String, String> values;

    private CommandOptions(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException naming an unknown option or one without a value */
    public static CommandOptions parse(String[] args, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!known.contains(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value");
            }
            values.put(args[i], args[i + 1]);
        }
        return new CommandOptions(values);
    }

    /** The option's value read by {@code parse}, or {@code fallback} when the command line does not give it. */
    public <T> T get(String name, Function<String, T> parse, T fallback) {
        String value = values.get(name);
        return value == null ? fallback : parse.apply(value);
    }
}
