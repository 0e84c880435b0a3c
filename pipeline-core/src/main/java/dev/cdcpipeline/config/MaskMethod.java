package dev.cdcpipeline.config;

/** How a transform hides a column's personal data (see {@code dev.cdcpipeline.functions}). */
public enum MaskMethod {
    /** SHA-256 of the salt and the value, 64 hex digits: joinable and countable, not readable. */
    HASH,
    /** {@code ***} instead of any value; null stays null. */
    REDACT,
    /** The e-mail address's local part masked, its domain kept: {@code j*******@example.com}. */
    EMAIL
}
