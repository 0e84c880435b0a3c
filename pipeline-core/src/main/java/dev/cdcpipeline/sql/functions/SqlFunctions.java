package dev.cdcpipeline.sql.functions;

import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.functions.UserDefinedFunction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The project's functions under the names SQL scripts call them by. */
public final class SqlFunctions {

    /** Name in SQL to implementation; Flink's SQL client registers them with these names too (sql/README.md). */
    public static final Map<String, Class<? extends UserDefinedFunction>> BY_NAME = byName();

    private SqlFunctions() {}

    /**
     * Registers every function as a temporary system function: callable from any catalog and
     * database, as built-in functions are.
     */
    public static void registerAll(TableEnvironment tableEnvironment) {
        BY_NAME.forEach(tableEnvironment::createTemporarySystemFunction);
    }

    private static Map<String, Class<? extends UserDefinedFunction>> byName() {
        Map<String, Class<? extends UserDefinedFunction>> functions = new LinkedHashMap<>();
        functions.put("mask_email", MaskEmail.class);
        functions.put("redact", Redact.class);
        functions.put("salted_hash", SaltedHash.class);
        functions.put("normalize_timestamp", NormalizeTimestamp.class);
        functions.put("exact_decimal_text", ExactDecimalText.class);
        return Collections.unmodifiableMap(functions);
    }
}
