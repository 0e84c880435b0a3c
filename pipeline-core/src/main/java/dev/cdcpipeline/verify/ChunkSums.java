package dev.cdcpipeline.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Per chunk of a table, how many rows it holds and an order-independent checksum of them: the sum,
 * modulo 2^64, of each row's 64-bit hash. A row belongs to the chunk its primary key's canonical text
 * hashes to, so both sides put a row in the same chunk and the same rows give the same sums in any
 * order. Memory: two longs per chunk, whatever the table's size.
 */
public final class ChunkSums {

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    });

    private final long[] rows;
    private final long[] sums;

    public ChunkSums(int chunks) {
        if (chunks < 1) {
            throw new IllegalArgumentException("chunks must be >= 1, got " + chunks);
        }
        rows = new long[chunks];
        sums = new long[chunks];
    }

    /**
     * A stable 64-bit hash of a text: the first 8 bytes of its UTF-8 SHA-256, the same in every JVM
     * and every run (unlike {@link String#hashCode()}, it spreads well enough that sums of such
     * hashes do not cancel out by accident).
     */
    public static long hash(String text) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        long hash = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            hash = (hash << 8) | (digest[i] & 0xFF);
        }
        return hash;
    }

    /** The chunk a row with this canonical primary key text belongs to, of {@code chunks}. */
    public static int chunkOf(String keyText, int chunks) {
        return (int) Math.floorMod(hash(keyText), (long) chunks);
    }

    public int chunks() {
        return rows.length;
    }

    public void add(String keyText, long rowHash) {
        int chunk = chunkOf(keyText, rows.length);
        rows[chunk]++;
        sums[chunk] += rowHash; // overflow wraps: the sum is modulo 2^64
    }

    public long rows() {
        long total = 0;
        for (long count : rows) {
            total += count;
        }
        return total;
    }

    public long rows(int chunk) {
        return rows[chunk];
    }

    public long checksum(int chunk) {
        return sums[chunk];
    }

    public boolean agrees(ChunkSums other, int chunk) {
        return rows[chunk] == other.rows[chunk] && sums[chunk] == other.sums[chunk];
    }

    /** The chunks whose count or checksum differ from {@code other}'s, in ascending order. */
    public List<Integer> differingChunks(ChunkSums other) {
        if (other.chunks() != chunks()) {
            throw new IllegalArgumentException("Cannot compare " + chunks() + " chunks with " + other.chunks());
        }
        List<Integer> differing = new ArrayList<>();
        for (int chunk = 0; chunk < rows.length; chunk++) {
            if (!agrees(other, chunk)) {
                differing.add(chunk);
            }
        }
        return differing;
    }
}
