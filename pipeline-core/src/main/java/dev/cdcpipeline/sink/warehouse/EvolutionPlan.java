package dev.cdcpipeline.sink.warehouse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a warehouse table needs to store a change that it does not fit as it is, decided by
 * {@link EvolutionPlanner}.
 *
 * @param changes the DDL that brings the table up to its source table
 * @param aliases columns of the change that the warehouse has under another name: the change
 *     predates a rename that the warehouse already made (a replay after the rename)
 * @param ignoredColumns columns of the change that neither the warehouse nor the source has any
 *     more: nothing holds them, so they are not written
 * @param deadLetters columns whose value the warehouse cannot hold for a reason no schema change
 *     of the source explains, with why; the change goes to the dead letters
 * @param stop why the table cannot follow the source safely, if it cannot
 */
record EvolutionPlan(List<SchemaChange> changes, Map<String, String> aliases, Set<String> ignoredColumns,
        Map<String, String> deadLetters, Optional<String> stop) {

    EvolutionPlan {
        changes = List.copyOf(changes);
        aliases = Map.copyOf(aliases);
        ignoredColumns = Set.copyOf(ignoredColumns);
        deadLetters = Collections.unmodifiableMap(new LinkedHashMap<>(deadLetters));
    }

    String done() {
        return changes.stream().map(SchemaChange::done).collect(Collectors.joining(", "));
    }

    String happened() {
        return changes.stream().map(SchemaChange::happened).collect(Collectors.joining("; "));
    }
}
