package dev.cdcpipeline.transform;

import dev.cdcpipeline.config.MaskMethod;
import dev.cdcpipeline.config.TransformSettings;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.schema.ValueKind;
import dev.cdcpipeline.transform.expression.Expression;
import dev.cdcpipeline.transform.expression.ExpressionException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a transform against the schema of a table it matches and compiles it. Every problem is
 * collected, each naming the transform, the table and the column, so the pipeline refuses to start
 * with one complete message.
 */
public final class TransformCompiler {

    /** The warehouse's metadata columns start with this; a transform may not produce such a name. */
    private static final String RESERVED_PREFIX = "_cdc_";
    private static final int HASH_LENGTH = 64;

    private final String where;
    private final TransformSettings settings;
    private final SourceTable table;
    private final List<String> problems = new ArrayList<>();

    private TransformCompiler(String where, TransformSettings settings, SourceTable table) {
        this.where = where + " (" + table.id() + ")";
        this.settings = settings;
        this.table = table;
    }

    /**
     * @param where the transform's place in the definition, for messages: {@code transforms[0]}
     * @throws TransformDefinitionException listing every problem found
     */
    public static TableTransform compile(String where, TransformSettings settings, SourceTable table) {
        return new TransformCompiler(where, settings, table).compile();
    }

    private TableTransform compile() {
        Map<String, SourceColumn> sourceColumns = new LinkedHashMap<>();
        table.columns().forEach(column -> sourceColumns.put(column.name(), column));
        Map<String, ValueKind> sourceKinds = new LinkedHashMap<>();
        sourceColumns.forEach((name, column) -> sourceKinds.put(name, ValueKind.of(column)));

        Expression filter = settings.filterExpression().map(text -> compileExpression("filter", text, sourceKinds)).orElse(null);
        if (filter != null && filter.resultKind() != ValueKind.BOOLEAN) {
            problem("filter: expected a condition (TRUE or FALSE), got an expression of type " + filter.resultKind());
        }

        // The row after each step, as name -> column, in output order.
        Map<String, SourceColumn> row = new LinkedHashMap<>(sourceColumns);
        Map<String, Expression> computed = new LinkedHashMap<>();
        settings.computedColumns().forEach((name, text) -> {
            if (row.containsKey(name)) {
                problem("computed-columns." + name + ": the table already has a column '" + name + "'");
                return;
            }
            Expression expression = compileExpression("computed-columns." + name, text, sourceKinds);
            if (expression != null) {
                try {
                    row.put(name, expression.resultKind().asColumn(name, true));
                    computed.put(name, expression);
                } catch (IllegalArgumentException e) {
                    problem("computed-columns." + name + ": " + e.getMessage());
                }
            }
        });

        settings.maskColumns().forEach((name, method) -> {
            SourceColumn column = row.get(name);
            if (column == null) {
                problem("mask-columns." + name + ": " + unknownColumn(name, row));
            } else if (table.primaryKey().contains(name) && method != MaskMethod.HASH) {
                problem("mask-columns." + name + ": a primary key column can only be masked with hash, since "
                        + method.name().toLowerCase() + " would give many rows the same key");
            } else if (method == MaskMethod.EMAIL && ValueKind.of(column) != ValueKind.TEXT) {
                problem("mask-columns." + name + ": email masking needs a text column, '" + name + "' is "
                        + ValueKind.of(column));
            } else {
                row.put(name, textColumn(name, method == MaskMethod.HASH ? HASH_LENGTH : 0, column.nullable()));
            }
        });

        row.replaceAll((name, column) -> normalized(column));
        List<String> kept = keptColumns(row);
        Map<String, String> outputNames = outputNames(row, kept);

        if (!problems.isEmpty()) {
            throw new TransformDefinitionException(problems);
        }
        List<SourceColumn> outputColumns = new ArrayList<>();
        for (String name : kept) {
            SourceColumn column = row.get(name);
            outputColumns.add(renamed(column, outputNames.getOrDefault(name, name)));
        }
        List<String> outputKey = table.primaryKey().stream().map(name -> outputNames.getOrDefault(name, name)).toList();
        SourceTable outputSchema = new SourceTable(table.id(), outputColumns, outputKey);
        return new TableTransform(table.id(), filter, computed, settings.maskColumns(), settings.maskSalt(),
                settings.timestampsToUtc() ? settings.timeZone() : null, settings.decimalsAsText(),
                kept, outputNames, outputKey, outputSchema);
    }

    private List<String> keptColumns(Map<String, SourceColumn> row) {
        for (String name : settings.keepColumns()) {
            if (!row.containsKey(name)) {
                problem("keep-columns: " + unknownColumn(name, row));
            }
        }
        for (String name : settings.dropColumns()) {
            if (!row.containsKey(name)) {
                problem("drop-columns: " + unknownColumn(name, row));
            }
        }
        List<String> kept = new ArrayList<>();
        for (String name : row.keySet()) {
            boolean keep = settings.keepColumns().isEmpty() ? !settings.dropColumns().contains(name)
                    : settings.keepColumns().contains(name);
            if (keep) {
                kept.add(name);
            } else if (table.primaryKey().contains(name)) {
                problem((settings.keepColumns().isEmpty() ? "drop-columns" : "keep-columns") + ": primary key column '"
                        + name + "' must stay (the warehouse upserts and the topics key rows by it)");
            }
        }
        return kept;
    }

    private Map<String, String> outputNames(Map<String, SourceColumn> row, List<String> kept) {
        Map<String, String> outputNames = new LinkedHashMap<>();
        settings.renameColumns().forEach((from, to) -> {
            if (!kept.contains(from)) {
                problem("rename-columns." + from + ": " + unknownColumn(from, row) + " (or it is not kept)");
            } else {
                outputNames.put(from, to);
            }
        });
        Set<String> seen = new HashSet<>();
        for (String name : kept) {
            String output = outputNames.getOrDefault(name, name);
            if (!seen.add(output)) {
                problem("rename-columns: two columns would be named '" + output + "'");
            }
            if (output.startsWith(RESERVED_PREFIX)) {
                problem("column '" + output + "': names starting with " + RESERVED_PREFIX
                        + " are reserved for the warehouse's metadata columns");
            }
        }
        return outputNames;
    }

    private Expression compileExpression(String key, String text, Map<String, ValueKind> columns) {
        try {
            return Expression.compile(text, columns);
        } catch (ExpressionException e) {
            problem(key + ": " + e.getMessage());
            return null;
        }
    }

    private SourceColumn normalized(SourceColumn column) {
        ValueKind kind = column.array() ? ValueKind.ARRAY : ValueKind.of(column);
        if (settings.timestampsToUtc() && kind == ValueKind.DATETIME) {
            return new SourceColumn(column.name(), "timestamp", false, 0, 0, 0, column.fractionalSeconds(),
                    column.nullable(), false);
        }
        if (settings.decimalsAsText() && kind == ValueKind.DECIMAL) {
            return textColumn(column.name(), 0, column.nullable());
        }
        return column;
    }

    private static SourceColumn textColumn(String name, int length, boolean nullable) {
        return new SourceColumn(name, length == 0 ? "text" : "varchar", false, length, 0, 0, 0, nullable, false);
    }

    private static SourceColumn renamed(SourceColumn column, String name) {
        return name.equals(column.name()) ? column : new SourceColumn(name, column.dataType(), column.unsigned(),
                column.length(), column.precision(), column.scale(), column.fractionalSeconds(), column.nullable(),
                column.array());
    }

    private static String unknownColumn(String name, Map<String, SourceColumn> row) {
        return "no column '" + name + "'; the columns are " + String.join(", ", row.keySet());
    }

    private void problem(String description) {
        problems.add(where + " " + description);
    }
}
