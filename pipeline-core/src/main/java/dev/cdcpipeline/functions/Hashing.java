package dev.cdcpipeline.functions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Pseudonyms for personal data: the same value always gives the same hash, so hashed columns
 * can still be joined and counted, but the value cannot be read back.
 */
public final class Hashing {

    private Hashing() {}

    /**
     * The SHA-256 of {@code salt} followed by {@code value} (both UTF-8), as 64 lower-case hex
     * digits; null for a null value. The salt is what keeps a dictionary of common e-mail
     * addresses from reversing the hash, so it must be secret (pass it in from an environment
     * variable) and not empty.
     *
     * @throws IllegalArgumentException if the salt is null or empty
     */
    public static String saltedHash(String value, String salt) {
        if (salt == null || salt.isEmpty()) {
            throw new IllegalArgumentException("saltedHash needs a non-empty salt: without one, a hash of personal data"
                    + " can be reversed by hashing guesses");
        }
        if (value == null) {
            return null;
        }
        MessageDigest sha256 = newSha256();
        sha256.update(salt.getBytes(StandardCharsets.UTF_8));
        sha256.update(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's documentation).
            throw new IllegalStateException("This Java runtime has no SHA-256", e);
        }
    }
}
