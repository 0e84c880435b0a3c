package dev.cdcpipeline.config;

/** How problems name a place in the document: {@code source.port}, {@code source.tables[1]}. */
final class KeyPath {

    /** The path of the document itself, which has no key. */
    static final String ROOT = "";

    private KeyPath() {}

    static String child(String parentPath, String key) {
        return parentPath.isEmpty() ? key : parentPath + "." + key;
    }

    static String element(String listPath, int index) {
        return listPath + "[" + index + "]";
    }
}
