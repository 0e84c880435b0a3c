package dev.cdcpipeline.transform;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.Operation;
import dev.cdcpipeline.change.RowValues;
import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.MaskMethod;
import dev.cdcpipeline.config.Secret;
import dev.cdcpipeline.functions.Hashing;
import dev.cdcpipeline.functions.Masking;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.transform.expression.Expression;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transform of one captured table, compiled and checked against its schema by
 * {@link TransformCompiler}: applies the steps of {@link dev.cdcpipeline.config.TransformSettings}
 * to each change, in their order, on both row images.
 *
 * <p>A filter sees CDC as it is: a change is judged on the images it carries. An update whose
 * row stops passing becomes a delete of the row, one whose row starts passing an insert, so the
 * warehouse and the topics hold exactly the passing rows. An update left with no visible
 * difference (only a dropped column changed) is dropped, as dedup drops no-op updates.
 */
public final class TableTransform implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What became of a change. */
    public enum Outcome { PASSED, FILTERED_OUT, NO_OP_UPDATE }

    /** The transformed change, or {@code null} with the outcome that says why there is none. */
    public record Result(ChangeEvent change, Outcome outcome) {}

    private final TableId table;
    private final Expression filter;
    private final Map<String, Expression> computedColumns;
    private final Map<String, MaskMethod> maskColumns;
    private final Secret maskSalt;
    private final ZoneId timestampZone;
    private final boolean decimalsAsText;
    /** Columns of the row after the computed columns that are kept, in output order. */
    private final List<String> keptColumns;
    private final Map<String, String> outputNames;
    private final List<String> primaryKey;
    private final SourceTable outputSchema;

    TableTransform(TableId table, Expression filter, Map<String, Expression> computedColumns,
            Map<String, MaskMethod> maskColumns, Secret maskSalt, ZoneId timestampZone, boolean decimalsAsText,
            List<String> keptColumns, Map<String, String> outputNames, List<String> primaryKey, SourceTable outputSchema) {
        this.table = table;
        this.filter = filter;
        this.computedColumns = Collections.unmodifiableMap(new LinkedHashMap<>(computedColumns));
        this.maskColumns = Collections.unmodifiableMap(new LinkedHashMap<>(maskColumns));
        this.maskSalt = maskSalt;
        this.timestampZone = timestampZone;
        this.decimalsAsText = decimalsAsText;
        this.keptColumns = List.copyOf(keptColumns);
        this.outputNames = Collections.unmodifiableMap(new LinkedHashMap<>(outputNames));
        this.primaryKey = List.copyOf(primaryKey);
        this.outputSchema = outputSchema;
    }

    public TableId table() {
        return table;
    }

    /** The table as the transform leaves it: what the warehouse table, topics and feature views see. */
    public SourceTable outputSchema() {
        return outputSchema;
    }

    /**
     * @throws dev.cdcpipeline.transform.expression.ExpressionEvaluationException if an expression
     *     fails on this change's values (the change belongs in the dead-letter output)
     */
    public Result apply(ChangeEvent change) {
        boolean beforePasses = change.before() != null && passes(change.before());
        boolean afterPasses = change.after() != null && passes(change.after());
        Operation operation = change.operation();
        Map<String, Object> before = change.before();
        Map<String, Object> after = change.after();
        if (operation == Operation.UPDATE && beforePasses != afterPasses) {
            // The row enters or leaves the filtered table: downstream it is inserted or deleted.
            operation = afterPasses ? Operation.INSERT : Operation.DELETE;
            before = beforePasses ? before : null;
            after = afterPasses ? after : null;
        } else if (!(operation == Operation.DELETE ? beforePasses : afterPasses)) {
            return new Result(null, Outcome.FILTERED_OUT);
        }
        Map<String, Object> newBefore = before == null ? null : transformRow(before);
        Map<String, Object> newAfter = after == null ? null : transformRow(after);
        if (operation == Operation.UPDATE && RowValues.sameRow(newBefore, newAfter)) {
            return new Result(null, Outcome.NO_OP_UPDATE);
        }
        Map<String, Object> latest = newAfter != null ? newAfter : newBefore;
        Map<String, Object> key = new LinkedHashMap<>();
        for (String column : primaryKey) {
            key.put(column, latest.get(column));
        }
        return new Result(new ChangeEvent(table, operation, Collections.unmodifiableMap(key), newBefore, newAfter,
                change.position(), change.sourceTimestampMillis()), Outcome.PASSED);
    }

    private boolean passes(Map<String, Object> row) {
        // SQL: only TRUE passes; FALSE and NULL (unknown) do not.
        return filter == null || Boolean.TRUE.equals(filter.evaluate(row));
    }

    private Map<String, Object> transformRow(Map<String, Object> sourceRow) {
        Map<String, Object> row = new LinkedHashMap<>(sourceRow);
        // Computed columns read the source row only, so their order does not matter.
        computedColumns.forEach((name, expression) -> row.put(name, expression.evaluate(sourceRow)));
        maskColumns.forEach((name, method) -> row.put(name, mask(method, row.get(name))));
        Map<String, Object> output = new LinkedHashMap<>();
        for (String column : keptColumns) {
            output.put(outputNames.getOrDefault(column, column), normalize(row.get(column)));
        }
        return Collections.unmodifiableMap(output);
    }

    private Object mask(MaskMethod method, Object value) {
        if (value == null) {
            return null;
        }
        return switch (method) {
            case HASH -> Hashing.saltedHash(value instanceof String text ? text : RowValues.toKeyText(value), maskSalt.value());
            case REDACT -> Masking.redact(value);
            case EMAIL -> Masking.maskEmail((String) value);
        };
    }

    private Object normalize(Object value) {
        if (timestampZone != null && value instanceof LocalDateTime dateTime) {
            return dateTime.atZone(timestampZone).toInstant();
        }
        if (decimalsAsText && value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value;
    }
}
