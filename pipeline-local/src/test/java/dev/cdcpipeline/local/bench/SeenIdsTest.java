package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void aProbeThatBecomesVisibleAfterAHigherOneIsStillAskedForAndCounted() {
        WarehouseProbePoller.SeenIds seen = new WarehouseProbePoller.SeenIds();
        assertThat(seen.allSeenUpTo()).isZero();
        assertThat(seen.add(10)).isTrue();
        assertThat(seen.add(12)).isTrue();
        // 11 is not visible yet: the next poll must still ask for it.
        assertThat(seen.allSeenUpTo()).isEqualTo(10);
        assertThat(seen.add(12)).isFalse();
        assertThat(seen.add(11)).isTrue();
        assertThat(seen.allSeenUpTo()).isEqualTo(12);
        assertThat(seen.add(11)).isFalse();
    }
}
