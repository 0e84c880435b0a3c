package dev.cdcpipeline.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ChunkSumsTest {

    private static final int CHUNKS = 16;

    private record Row(String key, String values) {}

    private static List<Row> rows(int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row("{\"id\":" + i + "}", "2:id;" + i + ";status-" + (i % 3)));
        }
        return rows;
    }

    private static ChunkSums sumsOf(List<Row> rows) {
        ChunkSums sums = new ChunkSums(CHUNKS);
        rows.forEach(row -> sums.add(row.key(), ChunkSums.hash(row.values())));
        return sums;
    }

    @Test
    void theSameRowsInAnotherOrderGiveTheSameSums() {
        List<Row> rows = rows(1000);
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(42));

        ChunkSums inOrder = sumsOf(rows);
        ChunkSums outOfOrder = sumsOf(shuffled);

        assertThat(inOrder.differingChunks(outOfOrder)).isEmpty();
        assertThat(inOrder.rows()).isEqualTo(outOfOrder.rows()).isEqualTo(1000);
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            assertThat(inOrder.checksum(chunk)).isEqualTo(outOfOrder.checksum(chunk));
        }
    }

    @Test
    void aChangedValueChangesTheChecksumOfItsChunkOnly() {
        List<Row> rows = rows(1000);
        List<Row> changed = new ArrayList<>(rows);
        changed.set(42, new Row(rows.get(42).key(), rows.get(42).values() + "x"));

        ChunkSums original = sumsOf(rows);
        ChunkSums afterChange = sumsOf(changed);

        int chunk = ChunkSums.chunkOf(rows.get(42).key(), CHUNKS);
        assertThat(original.differingChunks(afterChange)).containsExactly(chunk);
        assertThat(afterChange.rows(chunk)).isEqualTo(original.rows(chunk));
        assertThat(afterChange.checksum(chunk)).isNotEqualTo(original.checksum(chunk));
    }

    @Test
    void aMissingRowChangesTheCountOfItsChunk() {
        List<Row> rows = rows(100);
        List<Row> fewer = new ArrayList<>(rows);
        Row removed = fewer.remove(7);

        ChunkSums all = sumsOf(rows);
        ChunkSums allButOne = sumsOf(fewer);

        int chunk = ChunkSums.chunkOf(removed.key(), CHUNKS);
        assertThat(all.differingChunks(allButOne)).containsExactly(chunk);
        assertThat(allButOne.rows(chunk)).isEqualTo(all.rows(chunk) - 1);
    }

    @Test
    void twoRowsSwappingTheirValuesAreADifference() {
        // Sums of row hashes would not notice two keys swapping values if only values were hashed:
        // the canonical row text includes the key columns.
        ChunkSums original = new ChunkSums(1);
        original.add("{\"id\":1}", ChunkSums.hash("1:1;1:a;"));
        original.add("{\"id\":2}", ChunkSums.hash("1:2;1:b;"));
        ChunkSums swapped = new ChunkSums(1);
        swapped.add("{\"id\":1}", ChunkSums.hash("1:1;1:b;"));
        swapped.add("{\"id\":2}", ChunkSums.hash("1:2;1:a;"));

        assertThat(original.differingChunks(swapped)).containsExactly(0);
    }

    @Test
    void theHashAndTheChunkOfAKeyAreStable() {
        // Fixed values: both sides, and every run, must put a key in the same chunk.
        assertThat(ChunkSums.hash("")).isEqualTo(0xe3b0c44298fc1c14L);
        assertThat(ChunkSums.chunkOf("{\"id\":42}", 1024)).isEqualTo(ChunkSums.chunkOf("{\"id\":42}", 1024))
                .isBetween(0, 1023);
        assertThat(ChunkSums.chunkOf("{\"id\":42}", 1)).isZero();
    }

    @Test
    void rowTextsKeepNullApartFromEveryValue() {
        assertThat(CanonicalRow.rowText(new String[] {null, "a"})).isNotEqualTo(CanonicalRow.rowText(new String[] {"", "a"}))
                .isNotEqualTo(CanonicalRow.rowText(new String[] {"-", "a"}))
                .isNotEqualTo(CanonicalRow.rowText(new String[] {CanonicalValues.NULL, "a"}));
        assertThat(CanonicalRow.rowText(new String[] {"a;", "b"})).isNotEqualTo(CanonicalRow.rowText(new String[] {"a", ";b"}));
    }
}
