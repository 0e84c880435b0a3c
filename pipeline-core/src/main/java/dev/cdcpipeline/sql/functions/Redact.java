package dev.cdcpipeline.sql.functions;

import dev.cdcpipeline.functions.Masking;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.annotation.InputGroup;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code redact(value)} and {@code redact(value, 'placeholder')}, for a value of any type: see
 * {@link Masking#redact(Object, String)}.
 */
public final class Redact extends ScalarFunction {

    public String eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object value) {
        return Masking.redact(value);
    }

    public String eval(@DataTypeHint(inputGroup = InputGroup.ANY) Object value, String placeholder) {
        return Masking.redact(value, placeholder);
    }
}
