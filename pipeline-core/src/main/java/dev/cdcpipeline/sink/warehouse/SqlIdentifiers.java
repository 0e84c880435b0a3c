package dev.cdcpipeline.sink.warehouse;

/** Quotes names as SQL identifiers, so no table or column name can change a statement's meaning. */
final class SqlIdentifiers {

    private SqlIdentifiers() {}

    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
