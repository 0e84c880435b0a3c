package dev.cdcpipeline.source;

/**
 * The source cannot be captured as configured: unreachable, binlog off, tables missing. Raised
 * before the job starts, with a message that says what to change.
 */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
