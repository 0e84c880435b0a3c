package dev.cdcpipeline.local.infra;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** A database account. Its {@link #toString()} leaves the password out, so an account can be logged. */
public record Credentials(String user, String password) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PASSWORD_BYTES = 18;

    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * An account with a fresh random password. The embedded servers live no longer than one run, so nobody
     * needs to remember it, and no password has to be written into code or configuration.
     */
    public static Credentials withRandomPassword(String user) {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return new Credentials(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=****]";
    }
}
