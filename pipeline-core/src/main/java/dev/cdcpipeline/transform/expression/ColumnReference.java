package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The value of a column of the row. A column missing from the row reads as null (a row image may
 * leave out columns it does not know). Integers narrower than the kind asks for are widened.
 */
record ColumnReference(String name, ValueKind kind, int position) implements Node {

    @Override
    public Object evaluate(Map<String, Object> row) {
        Object value = row.get(name);
        if (value == null || kind.javaType().isInstance(value)) {
            return value;
        }
        // Rows built by hand (tests, other sources) may hold narrower numbers; widen them rather than fail.
        boolean smallInteger = value instanceof Integer || value instanceof Short || value instanceof Byte;
        if (kind == ValueKind.INTEGER && smallInteger) {
            return ((Number) value).longValue();
        }
        if (kind == ValueKind.DECIMAL && (smallInteger || value instanceof Long)) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (kind == ValueKind.DOUBLE && value instanceof Float number) {
            return number.doubleValue();
        }
        throw new EvaluationFailure("column " + Operand.quote(name) + " holds a " + value.getClass().getSimpleName()
                + " where its kind " + kind + " needs a " + kind.javaType().getSimpleName(), position);
    }
}
