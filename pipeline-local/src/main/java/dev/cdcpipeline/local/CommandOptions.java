package dev.cdcpipeline.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The options of a command line, checked against the names the command knows: {@code --name value}
 * pairs (a name given twice keeps both values, in order) and {@code --flag}s that take no value.
 */
public final class CommandOptions {

    private final Map<String, List<String>> values;
    private final Set<String> flagsGiven;

    private CommandOptions(Map<String, List<String>> values, Set<String> flagsGiven) {
        this.values = values;
        this.flagsGiven = flagsGiven;
    }

    /** @throws IllegalArgumentException naming an unknown option or one without a value */
    public static CommandOptions parse(String[] args, Set<String> known) {
        return parse(args, known, Set.of());
    }

    /**
     * @param flags the options that take no value
     * @throws IllegalArgumentException naming an unknown option or one without a value
     */
    public static CommandOptions parse(String[] args, Set<String> known, Set<String> flags) {
        Map<String, List<String>> values = new HashMap<>();
        Set<String> flagsGiven = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (flags.contains(name)) {
                flagsGiven.add(name);
            } else if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown option " + name);
            } else if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            } else {
                values.computeIfAbsent(name, ignored -> new ArrayList<>()).add(args[++i]);
            }
        }
        return new CommandOptions(values, flagsGiven);
    }

    /** The option's value read by {@code parse} (the last one if given twice), or {@code fallback} when it is not given. */
    public <T> T get(String name, Function<String, T> parse, T fallback) {
        List<String> given = values.get(name);
        return given == null ? fallback : parse.apply(given.get(given.size() - 1));
    }

    /** Every value given for the option, in order; empty when it is not given. */
    public List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    public boolean has(String flag) {
        return flagsGiven.contains(flag);
    }
}
