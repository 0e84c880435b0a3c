package dev.cdcpipeline.transform.expression;

import dev.cdcpipeline.schema.ValueKind;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The type named in {@code CAST(x AS type)}.
 *
 * @param precision for DECIMAL(p, s) the total digits, 0 for DECIMAL without a limit
 * @param scale for DECIMAL(p, s) the digits after the point
 */
record CastTarget(ValueKind kind, int precision, int scale) implements Serializable {

    /** Type names, in the order messages list them, by the kind they give; several SQL spellings mean the same kind. */
    private static final Map<String, ValueKind> TYPE_NAMES = new LinkedHashMap<>();

    static {
        for (String name : List.of("BIGINT", "INT", "INTEGER")) {
            TYPE_NAMES.put(name, ValueKind.INTEGER);
        }
        TYPE_NAMES.put("DECIMAL", ValueKind.DECIMAL);
        TYPE_NAMES.put("NUMERIC", ValueKind.DECIMAL);
        TYPE_NAMES.put("DOUBLE", ValueKind.DOUBLE);
        for (String name : List.of("TEXT", "VARCHAR", "STRING")) {
            TYPE_NAMES.put(name, ValueKind.TEXT);
        }
        TYPE_NAMES.put("BOOLEAN", ValueKind.BOOLEAN);
        TYPE_NAMES.put("BOOL", ValueKind.BOOLEAN);
        for (ValueKind temporal : List.of(ValueKind.DATE, ValueKind.TIME, ValueKind.DATETIME, ValueKind.TIMESTAMP)) {
            TYPE_NAMES.put(temporal.name(), temporal);
        }
    }

    /** The largest DECIMAL precision accepted: PostgreSQL's limit for numeric(p, s). */
    static final int MAX_PRECISION = 1000;

    /** The kind a type name gives, ignoring case; null for a name CAST does not know. */
    static ValueKind kindNamed(String name) {
        return TYPE_NAMES.get(name.toUpperCase(Locale.ROOT));
    }

    static Set<String> typeNames() {
        return Collections.unmodifiableSet(TYPE_NAMES.keySet());
    }

    /** How the type reads in messages: {@code BIGINT}, {@code DECIMAL(10,2)}. */
    String describe() {
        if (kind == ValueKind.DECIMAL && precision > 0) {
            return "DECIMAL(" + precision + "," + scale + ")";
        }
        return kind == ValueKind.INTEGER ? "BIGINT" : kind.toString();
    }
}
