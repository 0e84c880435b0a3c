package dev.cdcpipeline.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * A password or other credential read from the pipeline definition.
 *
 * <p>It is its own type, not a {@code String}, so that it cannot reach a log line, an exception
 * message or a {@code toString()} by accident: {@link #toString()} always returns {@code ******}.
 * Call {@link #value()} only where the credential is handed to a driver or client.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String MASK = "******";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps a credential; the empty string is allowed (a user without a password). */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The credential in clear text, for the driver or client that needs it. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && value.equals(secret.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code ******}, whatever the value. */
    @Override
    public String toString() {
        return MASK;
    }
}
