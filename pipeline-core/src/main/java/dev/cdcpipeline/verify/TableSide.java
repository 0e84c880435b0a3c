package dev.cdcpipeline.verify;

/** One side of a comparison (the source table or its warehouse table): its rows, streamed once per scan. */
@FunctionalInterface
public interface TableSide {

    /** Streams every row to {@code rows}: its primary key's canonical text and the 64-bit hash of its canonical values. */
    void scan(RowConsumer rows) throws Exception;

    /** Receives a scanned row. */
    @FunctionalInterface
    interface RowConsumer {
        void accept(String keyText, long rowHash);
    }
}
