package dev.cdcpipeline.sql.functions;

import dev.cdcpipeline.functions.Hashing;

import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code salted_hash(value, salt)}: see {@link Hashing#saltedHash(String, String)}. In a script,
 * pass the salt from the environment: {@code salted_hash(email, '${PII_SALT}')}.
 */
public final class SaltedHash extends ScalarFunction {

    public String eval(String value, String salt) {
        return Hashing.saltedHash(value, salt);
    }
}
