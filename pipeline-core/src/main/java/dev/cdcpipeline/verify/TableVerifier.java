package dev.cdcpipeline.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Compares a table's two sides without holding either in memory:
 *
 * <ol>
 *   <li>one scan of each side sums rows and row hashes per chunk ({@link ChunkSums}: memory per chunk);
 *   <li>while chunks differ and the lag bound has not passed, both sides are scanned again every
 *       {@code recheckInterval}; a chunk that agrees on a later scan had a change in flight (a live
 *       pipeline writes a source change a moment later) and is dropped from the differing ones;
 *   <li>for the chunks that still differ, one more scan of each side keeps their rows' key and row
 *       hash (memory: the rows of those chunks, at most about {@code keyBudget} rows; chunks beyond
 *       it are counted, not examined) and names each key that is missing on a side or differs.
 * </ol>
 */
public final class TableVerifier {

    /** Waits between re-checks; tests pass one that only moves their clock. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final int chunks;
    private final Duration maxLag;
    private final Duration recheckInterval;
    private final int maxListedKeys;
    private final long keyBudget;
    private final Pause pause;
    private final LongSupplier nanoClock;

    public TableVerifier(int chunks, Duration maxLag, Duration recheckInterval, int maxListedKeys, long keyBudget,
            Pause pause, LongSupplier nanoClock) {
        if (chunks < 1 || maxLag.isNegative() || recheckInterval.isNegative() || recheckInterval.isZero()
                || maxListedKeys < 0 || keyBudget < 1) {
            throw new IllegalArgumentException("chunks >= 1, maxLag >= 0, recheckInterval > 0, maxListedKeys >= 0, keyBudget >= 1");
        }
        this.chunks = chunks;
        this.maxLag = maxLag;
        this.recheckInterval = recheckInterval;
        this.maxListedKeys = maxListedKeys;
        this.keyBudget = keyBudget;
        this.pause = pause;
        this.nanoClock = nanoClock;
    }

    public TableVerification verify(TableSide source, TableSide warehouse) throws Exception {
        ChunkSums sourceSums = sums(source);
        ChunkSums warehouseSums = sums(warehouse);
        List<Integer> differing = sourceSums.differingChunks(warehouseSums);
        int initiallyDiffering = differing.size();
        long deadline = nanoClock.getAsLong() + maxLag.toNanos();
        while (!differing.isEmpty() && nanoClock.getAsLong() < deadline) {
            pause.pause(Duration.ofNanos(Math.min(recheckInterval.toNanos(), deadline - nanoClock.getAsLong())));
            sourceSums = sums(source);
            warehouseSums = sums(warehouse);
            ChunkSums sourceNow = sourceSums;
            ChunkSums warehouseNow = warehouseSums;
            differing.removeIf(chunk -> sourceNow.agrees(warehouseNow, chunk));
        }
        if (differing.isEmpty()) {
            return new TableVerification(sourceSums.rows(), warehouseSums.rows(), chunks, 0, initiallyDiffering, 0, 0, List.of());
        }
        return examineKeys(source, warehouse, sourceSums, warehouseSums, differing, initiallyDiffering);
    }

    private TableVerification examineKeys(TableSide source, TableSide warehouse, ChunkSums sourceSums,
            ChunkSums warehouseSums, List<Integer> differing, int initiallyDiffering) throws Exception {
        boolean[] examined = new boolean[chunks];
        long budget = 0;
        int unexamined = 0;
        for (int chunk : differing) {
            long rows = Math.max(sourceSums.rows(chunk), warehouseSums.rows(chunk));
            // At least one chunk is always examined, however large.
            if (budget > 0 && budget + rows > keyBudget) {
                unexamined++;
                continue;
            }
            examined[chunk] = true;
            budget += rows;
        }
        Map<String, Long> sourceRows = rowsOf(source, examined);
        Map<String, Long> warehouseRows = rowsOf(warehouse, examined);
        TreeMap<String, KeyDifference.Reason> differences = new TreeMap<>();
        TreeSet<Integer> chunksWithDifferences = new TreeSet<>();
        sourceRows.forEach((key, hash) -> {
            Long other = warehouseRows.get(key);
            if (other == null || other.longValue() != hash.longValue()) {
                differences.put(key, other == null ? KeyDifference.Reason.ONLY_IN_SOURCE : KeyDifference.Reason.VALUES_DIFFER);
                chunksWithDifferences.add(ChunkSums.chunkOf(key, chunks));
            }
        });
        warehouseRows.keySet().stream().filter(key -> !sourceRows.containsKey(key)).forEach(key -> {
            differences.put(key, KeyDifference.Reason.ONLY_IN_WAREHOUSE);
            chunksWithDifferences.add(ChunkSums.chunkOf(key, chunks));
        });
        List<KeyDifference> listed = new ArrayList<>();
        for (Map.Entry<String, KeyDifference.Reason> difference : differences.entrySet()) {
            if (listed.size() == maxListedKeys) {
                break;
            }
            listed.add(new KeyDifference(difference.getKey(), difference.getValue()));
        }
        // An examined chunk without a differing key agreed by the time of this last scan: a change in flight.
        int stillDiffering = chunksWithDifferences.size() + unexamined;
        return new TableVerification(sourceSums.rows(), warehouseSums.rows(), chunks, stillDiffering,
                initiallyDiffering - stillDiffering, differences.size(), unexamined, listed);
    }

    private ChunkSums sums(TableSide side) throws Exception {
        ChunkSums sums = new ChunkSums(chunks);
        side.scan(sums::add);
        return sums;
    }

    private Map<String, Long> rowsOf(TableSide side, boolean[] examined) throws Exception {
        Map<String, Long> rows = new HashMap<>();
        side.scan((key, rowHash) -> {
            if (examined[ChunkSums.chunkOf(key, chunks)]) {
                rows.put(key, rowHash);
            }
        });
        return rows;
    }
}
