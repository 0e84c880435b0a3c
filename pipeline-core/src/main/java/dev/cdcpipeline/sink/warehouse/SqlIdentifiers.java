package dev.cdcpipeline.sink.warehouse;

/** Quotes names as SQL identifiers, so no table or column name can change a statement's meaning. */
public final class SqlIdentifiers {

    private SqlIdentifiers() {}

    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
