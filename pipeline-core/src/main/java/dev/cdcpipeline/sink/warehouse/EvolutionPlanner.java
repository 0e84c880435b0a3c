package dev.cdcpipeline.sink.warehouse;

import dev.cdcpipeline.schema.SourceColumn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Decides what a warehouse table needs to store a change it does not fit as it is, from the table as
 * it is now, the source table as it is now and the change's row. Pure: the same inputs give the
 * same plan, so two writers that plan the same change concurrently agree, and the evolver can plan
 * again under a lock on what it finds there.
 *
 * <ul>
 *   <li>a column of the change that the source has and the warehouse lacks is added, typed as at
 *       creation ({@link PostgresTypes}), with the source's DEFAULT where that is a constant; or, if
 *       it took the place of a warehouse column the source no longer has, renamed from it: on
 *       PostgreSQL when the column keeps that column's attnum, never on a guess: a column of the
 *       same type at the same position without an attnum to tell (MySQL, MariaDB) stops the job;
 *   <li>a value that does not fit its warehouse column widens the column to a type that holds both
 *       the old and the new source type, where PostgreSQL converts every stored value
 *       ({@link ColumnType#union}); where it cannot, the job stops; where the source's type is no
 *       wider than the warehouse's, the change goes to the dead letters;
 *   <li>a warehouse column the source dropped stays, with its history; only NOT NULL is dropped
 *       where the warehouse has it, so that later rows can hold NULL there;
 *   <li>a column of the change that neither side has any more is a change from before a rename or a
 *       drop (a replay after a restart): written under the warehouse column that took its place, or
 *       not at all when none did.
 * </ul>
 */
final class EvolutionPlanner {

    /** Warehouse types a constant DEFAULT is not carried into: bytes and zoned times would not mean the same. */
    private static final Set<String> NO_DEFAULT_TYPES = Set.of("bytea", ColumnType.TIMESTAMPTZ);

    private final LiveTable live;
    private final SourceSchema source;
    private final Map<String, Object> row;
    private final Map<String, Integer> recordedIds;

    private final List<SchemaChange> changes = new ArrayList<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private final Map<String, String> deadLetters = new LinkedHashMap<>();
    private final List<String> stops = new ArrayList<>();
    /** Warehouse columns the change's row lacks (the source dropped or renamed them, or added them after the change). */
    private final List<LiveColumn> lacking;
    /** Lacking warehouse columns that a column of the change has been matched to already. */
    private final Set<String> matched = new HashSet<>();

    private EvolutionPlanner(LiveTable live, SourceSchema source, Map<String, Object> row, Map<String, Integer> recordedIds) {
        this.live = live;
        this.source = source;
        this.row = row;
        this.recordedIds = recordedIds;
        this.lacking = live.columns().stream().filter(column -> !row.containsKey(column.name())).toList();
    }

    /**
     * @param row the change's row as the warehouse would store it (its latest image)
     * @param recordedIds the source attnum of warehouse columns, by warehouse column name, as seen
     *     before the change (PostgreSQL sources; empty otherwise or when unknown)
     */
    static EvolutionPlan plan(LiveTable live, SourceSchema source, Map<String, Object> row, Map<String, Integer> recordedIds) {
        EvolutionPlanner planner = new EvolutionPlanner(live, source, row, recordedIds);
        Set<String> known = live.columnNames();
        for (String name : row.keySet()) {
            if (!known.contains(name)) {
                Optional<SourceColumn> column = source.column(name);
                if (column.isPresent()) {
                    planner.planArrival(column.get());
                } else {
                    planner.planStaleColumn(name);
                }
            }
        }
        planner.planDepartures();
        WarehouseValues.notFitting(row, live).forEach(planner::planWidening);
        return new EvolutionPlan(planner.changes, planner.aliases, planner.ignored, planner.deadLetters,
                planner.stops.stream().findFirst());
    }

    /** A column the source has and the warehouse lacks: renamed from a column the source lost, or added. */
    private void planArrival(SourceColumn column) {
        String name = column.name();
        ColumnType type;
        try {
            type = ColumnType.parse(PostgresTypes.of(column));
        } catch (IllegalArgumentException e) {
            stops.add("column '" + name + "' was added with type " + column.dataType()
                    + ", which the pipeline does not carry; drop the column at the source or leave the table out of the pipeline");
            return;
        }
        List<LiveColumn> gone = lacking.stream()
                .filter(candidate -> !source.has(candidate.name()) && !matched.contains(candidate.name())).toList();
        Integer id = source.columnIds().get(name);
        Optional<LiveColumn> renamed = id == null ? Optional.empty()
                : gone.stream().filter(candidate -> id.equals(recordedIds.get(candidate.name()))).findFirst();
        if (renamed.isPresent()) {
            planRename(renamed.get(), name, type);
            return;
        }
        // Without an attnum that tells, the same type at the same place is a rename or a drop and an add.
        Optional<LiveColumn> lookalike = gone.stream()
                .filter(candidate -> id == null || !recordedIds.containsKey(candidate.name()))
                .filter(candidate -> candidate.type().equals(type)
                        && Objects.equals(previousInWarehouse(candidate.name()), previousInSource(name)))
                .findFirst();
        if (lookalike.isPresent()) {
            stops.add(ambiguousRename(lookalike.get().name(), name, type));
            return;
        }
        String literal = source.constantDefaults().get(name);
        boolean carriesDefault = literal != null && !NO_DEFAULT_TYPES.contains(type.name()) && !type.name().endsWith("[]");
        changes.add(new SchemaChange.AddColumn(name, type, carriesDefault ? literal : null));
    }

    private void planRename(LiveColumn from, String to, ColumnType type) {
        matched.add(from.name());
        changes.add(new SchemaChange.RenameColumn(from.name(), to));
        Optional<ColumnType> union = ColumnType.union(from.type(), type);
        if (union.isEmpty()) {
            stops.add(unsafeTypeChange(to, from.type(), type));
        } else if (!union.get().equals(from.type())) {
            changes.add(new SchemaChange.WidenColumn(to, from.type(), union.get()));
        }
    }

    /**
     * A column of the change that neither the warehouse nor the source has: the change was made
     * before the source renamed or dropped it. A warehouse column the change lacks at the same place,
     * that the source has, took its place; without one, nothing holds the column any more.
     */
    private void planStaleColumn(String name) {
        String previous = previousIn(List.copyOf(row.keySet()), name, source::has);
        List<LiveColumn> candidates = lacking.stream()
                .filter(column -> source.has(column.name()) && !matched.contains(column.name()))
                .filter(column -> Objects.equals(previous, previousIn(sourceColumnNames(), column.name(), row::containsKey)))
                .toList();
        if (candidates.isEmpty()) {
            ignored.add(name);
        } else if (candidates.size() == 1) {
            matched.add(candidates.get(0).name());
            aliases.put(name, candidates.get(0).name());
        } else {
            stops.add("a change holds column '" + name + "', which neither the warehouse table nor the source table has any more"
                    + " (renamed or dropped at the source), and any of the columns "
                    + candidates.stream().map(column -> "'" + column.name() + "'").collect(Collectors.joining(", "))
                    + " may have taken its place; the pipeline does not guess. Rename the warehouse column yourself if it"
                    + " was a rename, or set pipeline.schema-changes: ignore");
        }
    }

    /** Warehouse columns the source no longer has: kept, but NOT NULL no longer, since later rows have no value there. */
    private void planDepartures() {
        for (LiveColumn column : lacking) {
            if (matched.contains(column.name()) || source.has(column.name())) {
                continue;
            }
            if (column.primaryKey()) {
                stops.add("primary key column '" + column.name() + "' is gone from the source table, and the warehouse table keys"
                        + " its rows by it; give the warehouse table the source's primary key yourself, or start a new pipeline"
                        + " for the table");
            } else if (column.notNull() && column.defaultExpression() == null) {
                changes.add(new SchemaChange.DropNotNull(column.name()));
            }
        }
        for (LiveColumn column : lacking) {
            boolean required = column.notNull() && column.defaultExpression() == null;
            if (required && !matched.contains(column.name()) && source.has(column.name())) {
                deadLetters.put(column.name(), "is NOT NULL in the warehouse table " + live.qualifiedName()
                        + ", and the change, made before the source had the column, has no value for it");
            }
        }
    }

    private void planWidening(String name, String why) {
        LiveColumn column = live.column(name).orElseThrow();
        Optional<SourceColumn> sourceColumn = source.column(name);
        ColumnType sourceType = sourceColumn.map(EvolutionPlanner::warehouseTypeOf).orElse(null);
        if (sourceType == null) {
            deadLetters.put(name, "holds a value that " + why);
            return;
        }
        Optional<ColumnType> union = ColumnType.union(column.type(), sourceType);
        if (union.isEmpty()) {
            stops.add(unsafeTypeChange(name, column.type(), sourceType));
        } else if (union.get().equals(column.type())) {
            // The source's type is no wider than the warehouse's: no schema change explains the value.
            deadLetters.put(name, "holds a value that " + why);
        } else {
            changes.add(new SchemaChange.WidenColumn(name, column.type(), union.get()));
        }
    }

    private static ColumnType warehouseTypeOf(SourceColumn column) {
        try {
            return ColumnType.parse(PostgresTypes.of(column));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The warehouse column before {@code name} among those the source has: where the column sits. */
    private String previousInWarehouse(String name) {
        return previousIn(live.columns().stream().map(LiveColumn::name).toList(), name, source::has);
    }

    /** The source column before {@code name} among those the warehouse has. */
    private String previousInSource(String name) {
        return previousIn(sourceColumnNames(), name, candidate -> live.column(candidate).isPresent());
    }

    private List<String> sourceColumnNames() {
        return source.table().columns().stream().map(SourceColumn::name).toList();
    }

    /** The last of {@code names} before {@code name} that {@code counts}; null when there is none. */
    private static String previousIn(List<String> names, String name, Predicate<String> counts) {
        String previous = null;
        for (String candidate : names) {
            if (candidate.equals(name)) {
                return previous;
            }
            if (counts.test(candidate)) {
                previous = candidate;
            }
        }
        return previous;
    }

    private String ambiguousRename(String gone, String appeared, ColumnType type) {
        String table = live.qualifiedName();
        return "column '" + gone + "' is gone from the source table, and column '" + appeared + "' of the same type ("
                + type.sql() + ") took its place: a rename, or a drop and an add, which the source's catalog cannot tell apart,"
                + " and the pipeline does not guess. If it was a rename, rename the warehouse column yourself (ALTER TABLE "
                + table + " RENAME COLUMN " + SqlIdentifiers.quote(gone) + " TO " + SqlIdentifiers.quote(appeared)
                + "); if it was a drop and an add, add the column yourself (ALTER TABLE " + table + " ADD COLUMN "
                + SqlIdentifiers.quote(appeared) + " " + type.sql() + "); or set pipeline.schema-changes: ignore to leave the"
                + " warehouse table as it is";
    }

    private String unsafeTypeChange(String name, ColumnType warehouse, ColumnType sourceType) {
        return "column '" + name + "' is " + sourceType.sql() + " at the source and " + warehouse.sql() + " in the warehouse:"
                + " no type holds both exactly that PostgreSQL can convert every stored value to, so the pipeline leaves the"
                + " column alone. Change its type yourself (ALTER TABLE " + live.qualifiedName() + " ALTER COLUMN "
                + SqlIdentifiers.quote(name) + " TYPE ... USING ...), or set pipeline.schema-changes: ignore (values that do"
                + " not fit go to the dead letters)";
    }
}
