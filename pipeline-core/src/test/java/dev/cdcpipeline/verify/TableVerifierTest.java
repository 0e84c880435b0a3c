package dev.cdcpipeline.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.verify.KeyDifference.Reason;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TableVerifierTest {

    private static final int CHUNKS = 64;

    /** A clock that only moves when the verifier pauses, and counts the pauses. */
    private long now;
    private int pauses;

    private TableVerifier verifier(Duration maxLag, long keyBudget) {
        return new TableVerifier(CHUNKS, maxLag, Duration.ofSeconds(2), 3, keyBudget, duration -> {
            now += duration.toNanos();
            pauses++;
        }, () -> now);
    }

    /** A table side over a map from key text to row text, scanned in a shuffled order each time. */
    private static class MapSide implements TableSide {
        final Map<String, String> rows;
        final Random random = new Random(7);
        int scans;

        MapSide(Map<String, String> rows) {
            this.rows = new LinkedHashMap<>(rows);
        }

        @Override
        public void scan(RowConsumer consumer) {
            scans++;
            List<Map.Entry<String, String>> entries = new ArrayList<>(rows.entrySet());
            Collections.shuffle(entries, random);
            entries.forEach(entry -> consumer.accept(entry.getKey(), ChunkSums.hash(entry.getValue())));
        }
    }

    private static Map<String, String> orders(int count) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            rows.put(key(i), "id=" + i + ";amount=" + (i * 10));
        }
        return rows;
    }

    private static String key(int id) {
        return "{\"id\":" + id + "}";
    }

    @Test
    void equalTablesInAnyOrderAgreeAfterOneScanOfEachSide() throws Exception {
        MapSide source = new MapSide(orders(500));
        MapSide warehouse = new MapSide(orders(500));

        TableVerification result = verifier(Duration.ofSeconds(30), 1000).verify(source, warehouse);

        assertThat(result.equal()).isTrue();
        assertThat(result.sourceRows()).isEqualTo(500);
        assertThat(result.warehouseRows()).isEqualTo(500);
        assertThat(result.differingKeys()).isZero();
        assertThat(result.listedKeys()).isEmpty();
        assertThat(source.scans).isEqualTo(1);
        assertThat(warehouse.scans).isEqualTo(1);
        assertThat(pauses).isZero();
    }

    @Test
    void namesEachDifferingKeyWithItsReason() throws Exception {
        Map<String, String> warehouseRows = orders(500);
        warehouseRows.put(key(7), "id=7;amount=71");
        warehouseRows.remove(key(8));
        warehouseRows.put(key(9999), "id=9999;amount=1");

        TableVerification result = verifier(Duration.ZERO, 1000).verify(new MapSide(orders(500)), new MapSide(warehouseRows));

        assertThat(result.equal()).isFalse();
        assertThat(result.differingKeys()).isEqualTo(3);
        assertThat(result.unexaminedChunks()).isZero();
        assertThat(result.differingChunks()).isBetween(1, 3);
        assertThat(result.listedKeys()).containsExactlyInAnyOrder(
                new KeyDifference(key(7), Reason.VALUES_DIFFER),
                new KeyDifference(key(8), Reason.ONLY_IN_SOURCE),
                new KeyDifference(key(9999), Reason.ONLY_IN_WAREHOUSE));
        assertThat(pauses).as("no re-check without a lag bound").isZero();
    }

    @Test
    void listsAtMostTheLimitButCountsEveryDifferingKey() throws Exception {
        TableVerification result = verifier(Duration.ZERO, 1000).verify(new MapSide(orders(10)), new MapSide(Map.of()));

        assertThat(result.differingKeys()).isEqualTo(10);
        assertThat(result.listedKeys()).hasSize(3).allMatch(difference -> difference.reason() == Reason.ONLY_IN_SOURCE);
        assertThat(result.warehouseRows()).isZero();
    }

    @Test
    void aDifferenceThatDisappearsWithinTheLagBoundIsAChangeInFlight() throws Exception {
        MapSide source = new MapSide(orders(100));
        Map<String, String> behind = orders(100);
        behind.put(key(5), "id=5;amount=0");
        MapSide warehouse = new MapSide(behind) {
            @Override
            public void scan(RowConsumer consumer) {
                if (scans == 1) {
                    rows.put(key(5), "id=5;amount=50"); // the pipeline writes the change before the second scan
                }
                super.scan(consumer);
            }
        };

        TableVerification result = verifier(Duration.ofSeconds(30), 1000).verify(source, warehouse);

        assertThat(result.equal()).isTrue();
        assertThat(result.inFlightChunks()).isEqualTo(1);
        assertThat(pauses).isEqualTo(1);
    }

    @Test
    void aDifferenceThatLastsIsReCheckedUntilTheLagBoundThenNamed() throws Exception {
        Map<String, String> behind = orders(100);
        behind.put(key(5), "id=5;amount=0");
        MapSide source = new MapSide(orders(100));

        TableVerification result = verifier(Duration.ofSeconds(9), 1000).verify(source, new MapSide(behind));

        assertThat(result.listedKeys()).containsExactly(new KeyDifference(key(5), Reason.VALUES_DIFFER));
        assertThat(result.inFlightChunks()).isZero();
        assertThat(pauses).as("2 s apart within 9 s: at 2, 4, 6, 8 and 9 s").isEqualTo(5);
        assertThat(now).isEqualTo(Duration.ofSeconds(9).toNanos());
    }

    @Test
    void chunksBeyondTheKeyBudgetAreCountedNotExamined() throws Exception {
        TableVerification result = verifier(Duration.ZERO, 1).verify(new MapSide(orders(1000)), new MapSide(Map.of()));

        assertThat(result.differingChunks()).isEqualTo(CHUNKS);
        assertThat(result.unexaminedChunks()).isEqualTo(CHUNKS - 1);
        assertThat(result.differingKeys()).as("the keys of the one examined chunk").isPositive().isLessThan(1000);
        assertThat(result.minimumDifferingKeys()).isEqualTo(result.differingKeys() + CHUNKS - 1);
    }
}
