package dev.cdcpipeline.verify;

import java.util.List;

/**
 * What comparing one table found.
 *
 * @param sourceRows rows of the source table at the last scan
 * @param warehouseRows live rows of the warehouse table at the last scan
 * @param chunks how many chunks the rows were spread over
 * @param differingChunks chunks that still differed when the lag bound had passed
 * @param inFlightChunks chunks that differed at first and agreed on a later scan: changes in flight
 * @param differingKeys how many keys differ, in the chunks examined key by key
 * @param unexaminedChunks differing chunks not examined key by key (too many rows to hold at once);
 *     each holds at least one more differing key
 * @param listedKeys the first differing keys, in key text order, at most the verifier's limit
 */
public record TableVerification(
        long sourceRows,
        long warehouseRows,
        int chunks,
        int differingChunks,
        int inFlightChunks,
        long differingKeys,
        int unexaminedChunks,
        List<KeyDifference> listedKeys) {

    public TableVerification {
        listedKeys = List.copyOf(listedKeys);
    }

    /** Whether both sides hold the same rows. */
    public boolean equal() {
        return differingChunks == 0;
    }

    /** Differing keys, a lower bound when some chunks were not examined key by key. */
    public long minimumDifferingKeys() {
        return differingKeys + unexaminedChunks;
    }
}
