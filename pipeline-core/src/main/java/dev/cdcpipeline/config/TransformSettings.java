package dev.cdcpipeline.config;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the {@code transforms:} list: what happens to the rows of the captured tables it
 * matches before they leave the pipeline (warehouse, topics and feature views all see the result).
 * The steps run in this order, each on the result of the one before:
 *
 * <ol>
 *   <li>{@code filter}: only rows for which the expression is TRUE pass. Under CDC an update is
 *       judged on both images: a row that stops passing is deleted downstream, one that starts
 *       passing is inserted;
 *   <li>{@code computed-columns}: new columns from expressions over the source row;
 *   <li>{@code mask-columns}: {@code hash} (salted SHA-256, the salt from {@code mask-salt}),
 *       {@code redact} or {@code email};
 *   <li>{@code normalize}: {@code timestamps: utc} turns wall-clock DATETIME values into UTC
 *       instants (read in {@code time-zone}), {@code decimals: text} writes decimals as exact text;
 *   <li>{@code keep-columns} or {@code drop-columns};
 *   <li>{@code rename-columns}.
 * </ol>
 *
 * @param sourceTable {@code source-table}, required: {@code database.table} pattern (see {@link TablePattern})
 * @param source {@code source}: only tables of this pipeline source; {@code null} for any source
 * @param filter {@code filter}: an expression over the source row; {@code null} when absent
 * @param computedColumns {@code computed-columns}: new column name to expression, in order
 * @param maskColumns {@code mask-columns}: column name to {@link MaskMethod}
 * @param maskSalt {@code mask-salt}: the salt of {@code hash}, required when a column is hashed;
 *     write {@code ${VARIABLE}} (a secret, never printed)
 * @param timestampsToUtc {@code normalize.timestamps}: {@code utc} (true) or {@code keep} (default)
 * @param timeZone {@code normalize.time-zone}, default {@code UTC}: the zone DATETIME values are read in
 * @param decimalsAsText {@code normalize.decimals}: {@code text} (true) or {@code number} (default)
 * @param keepColumns {@code keep-columns}: the only columns kept (empty: all)
 * @param dropColumns {@code drop-columns}: columns removed
 * @param renameColumns {@code rename-columns}: old name to new name
 */
public record TransformSettings(
        TablePattern sourceTable,
        String source,
        String filter,
        Map<String, String> computedColumns,
        Map<String, MaskMethod> maskColumns,
        Secret maskSalt,
        boolean timestampsToUtc,
        ZoneId timeZone,
        boolean decimalsAsText,
        List<String> keepColumns,
        List<String> dropColumns,
        Map<String, String> renameColumns)
        implements Serializable {

    public TransformSettings {
        Objects.requireNonNull(sourceTable, "sourceTable");
        computedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(computedColumns));
        maskColumns = Collections.unmodifiableMap(new LinkedHashMap<>(maskColumns));
        Objects.requireNonNull(timeZone, "timeZone");
        keepColumns = List.copyOf(keepColumns);
        dropColumns = List.copyOf(dropColumns);
        renameColumns = Collections.unmodifiableMap(new LinkedHashMap<>(renameColumns));
    }

    public Optional<String> filterExpression() {
        return Optional.ofNullable(filter);
    }

    /** Whether the transform matches the table {@code database.table} of the pipeline source {@code sourceName}. */
    public boolean matches(String sourceName, String database, String table) {
        return (source == null || source.equals(sourceName)) && sourceTable.matches(database, table);
    }
}
