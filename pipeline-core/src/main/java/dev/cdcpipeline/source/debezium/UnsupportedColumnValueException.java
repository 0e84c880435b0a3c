package dev.cdcpipeline.source.debezium;

/** A value in a change record that the change model has no kind for. */
public class UnsupportedColumnValueException extends RuntimeException {

    public UnsupportedColumnValueException(String message) {
        super(message);
    }
}
