package dev.cdcpipeline.sql.functions;

import dev.cdcpipeline.functions.Masking;

import org.apache.flink.table.functions.ScalarFunction;

/** {@code mask_email(email)}: see {@link Masking#maskEmail(String)}. */
public final class MaskEmail extends ScalarFunction {

    public String eval(String address) {
        return Masking.maskEmail(address);
    }
}
