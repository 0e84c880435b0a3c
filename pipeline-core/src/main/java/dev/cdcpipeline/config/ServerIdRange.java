package dev.cdcpipeline.config;

import java.io.Serializable;

/**
 * The MySQL/MariaDB replication server ids the source may use, an inclusive range {@code first-last}.
 *
 * <p>Each parallel source reader joins the replication stream as a replica with its own server id,
 * so the range must hold at least as many ids as the source has readers.
 *
 * @param first the lowest id, at least {@value #MIN_ID}
 * @param last the highest id, at least {@code first} and at most {@value #MAX_ID}
 */
public record ServerIdRange(long first, long last) implements Serializable {

    /** Server ids are unsigned 32-bit integers; 0 is reserved (it means "no server id"). */
    public static final long MIN_ID = 1;

    public static final long MAX_ID = 4_294_967_295L;

    public ServerIdRange {
        if (first < MIN_ID || first > last || last > MAX_ID) {
            throw new IllegalArgumentException(
                    "server id range must satisfy " + MIN_ID + " <= first <= last <= " + MAX_ID
                            + ", got " + first + "-" + last);
        }
    }

    /**
     * Reads a single id ({@code 5400}) or an inclusive range ({@code 5400-5404}).
     *
     * @throws IllegalArgumentException if the text is neither, or the ids are out of bounds
     */
    public static ServerIdRange parse(String text) {
        String trimmed = text.strip();
        int dash = trimmed.indexOf('-');
        if (dash < 0) {
            long id = parseId(trimmed);
            return new ServerIdRange(id, id);
        }
        return new ServerIdRange(parseId(trimmed.substring(0, dash)), parseId(trimmed.substring(dash + 1)));
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a server id: '" + text + "'", e);
        }
    }

    /** How many server ids the range holds. */
    public long size() {
        return last - first + 1;
    }

    /** The {@code first-last} form that Flink CDC's {@code MySqlSourceBuilder.serverId(String)} takes. */
    @Override
    public String toString() {
        return first + "-" + last;
    }
}
