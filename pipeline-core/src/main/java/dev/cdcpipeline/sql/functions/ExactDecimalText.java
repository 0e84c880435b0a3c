package dev.cdcpipeline.sql.functions;

import dev.cdcpipeline.functions.Decimals;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.DataTypeFactory;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.table.types.inference.InputTypeStrategies;
import org.apache.flink.table.types.inference.TypeInference;
import org.apache.flink.table.types.inference.TypeStrategies;
import org.apache.flink.table.types.logical.LogicalTypeFamily;

/**
 * {@code exact_decimal_text(value)} for a DECIMAL or an integer: see {@link Decimals}.
 *
 * <p>The argument keeps its own type: a parameter declared as one DECIMAL(p, s) would make Flink
 * cast every argument to that scale first, and {@code 19.99} would come out as
 * {@code 19.990000000000000000}. A DOUBLE is refused when the script is planned, not when a
 * row arrives.
 */
public final class ExactDecimalText extends ScalarFunction {

    public String eval(Number value) {
        return Decimals.exactDecimalText(value);
    }

    @Override
    public TypeInference getTypeInference(DataTypeFactory typeFactory) {
        return TypeInference.newBuilder()
                .inputTypeStrategy(InputTypeStrategies.sequence(InputTypeStrategies.logical(LogicalTypeFamily.EXACT_NUMERIC)))
                .outputTypeStrategy(TypeStrategies.explicit(DataTypes.STRING()))
                .build();
    }
}
