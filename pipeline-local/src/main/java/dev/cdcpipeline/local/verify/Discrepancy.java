package dev.cdcpipeline.local.verify;

/**
 * One thing a reconciliation found wrong, and which promise it breaks.
 *
 * @param description what and where, for a person: table, key, side; never a whole row
 */
public record Discrepancy(Kind kind, String description) {

    public enum Kind {
        /** A row or a change the source has and a copy does not: missing from it, or a gap in a key's change history. */
        LOST,
        /** A change a copy holds more than once. */
        DUPLICATED,
        /** A copy that holds something the source does not: a value that differs, a row too many, changes out of order. */
        MISMATCHED
    }

    public static Discrepancy lost(String description) {
        return new Discrepancy(Kind.LOST, description);
    }

    public static Discrepancy duplicated(String description) {
        return new Discrepancy(Kind.DUPLICATED, description);
    }

    public static Discrepancy mismatched(String description) {
        return new Discrepancy(Kind.MISMATCHED, description);
    }

    @Override
    public String toString() {
        return description;
    }
}
