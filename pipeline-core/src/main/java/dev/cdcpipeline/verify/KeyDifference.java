package dev.cdcpipeline.verify;

/** A primary key whose row is not the same on both sides, and how. */
public record KeyDifference(String key, Reason reason) {

    public enum Reason {
        ONLY_IN_SOURCE("only in the source"),
        ONLY_IN_WAREHOUSE("only in the warehouse"),
        VALUES_DIFFER("values differ");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
