package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryLineTest {

    @Test
    void theLastLineHasEveryFieldInOrderWithWholeRatesAndThreeDecimalRatios() {
        SummaryLine line = new SummaryLine(91_234.6, 943_000.2, 29_500.4, 26_700.5, 29_200.49, 18.6, 1_480, 1_000);
        assertThat(line.format()).isEqualTo("bench: snapshot_rows_per_s=91235 raw_read_rows_per_s=943000 snapshot_ratio=0.097"
                + " peer_rows_per_s=29500 peer_ratio=3.093 stream_events_per_s=26701 source_commit_per_s=29200"
                + " cpu_us_per_event=19 e2e_p99_ms=1480 checkpoint_interval_ms=1000");
    }

    @Test
    void ratiosAreOursOverTheReference() {
        SummaryLine line = new SummaryLine(50, 100, 25, 0, 0, 0, 0, 1000);
        assertThat(line.snapshotRatio()).isEqualTo(0.5);
        assertThat(line.peerRatio()).isEqualTo(2.0);
    }

    @Test
    void aMissingReferenceGivesARatioOfZeroNotInfinity() {
        assertThat(new SummaryLine(50, 0, 0, 0, 0, 0, 0, 1000).format()).contains("snapshot_ratio=0.000", "peer_ratio=0.000");
    }
}
