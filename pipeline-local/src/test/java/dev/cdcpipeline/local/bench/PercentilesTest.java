package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfAHundredSamplesIsTheSampleAtThatRank() {
        List<Long> samples = new ArrayList<>(LongStream.rangeClosed(1, 100).boxed().toList());
        Collections.shuffle(samples);
        Percentiles percentiles = Percentiles.of(samples);
        assertThat(percentiles).isEqualTo(new Percentiles(100, 50, 95, 99, 100));
    }

    @Test
    void withFewSamplesTheHighPercentilesAreTheLargestSample() {
        assertThat(Percentiles.of(List.of(30L, 10L, 20L))).isEqualTo(new Percentiles(3, 20, 30, 30, 30));
        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles(1, 7, 7, 7, 7));
    }

    @Test
    void aPercentileIsAlwaysAMeasuredValueNeverAnInterpolation() {
        long[] sorted = {100, 200, 300, 400};
        assertThat(Percentiles.nearestRank(sorted, 50)).isEqualTo(200);
        assertThat(Percentiles.nearestRank(sorted, 50.1)).isEqualTo(300);
        assertThat(Percentiles.nearestRank(sorted, 100)).isEqualTo(400);
        assertThat(Percentiles.nearestRank(sorted, 0.001)).isEqualTo(100);
    }

    @Test
    void noSamplesGiveZerosAndBadPercentilesAreRefused() {
        assertThat(Percentiles.of(List.of())).isEqualTo(new Percentiles(0, 0, 0, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 101));
    }

    @Test
    void theDistributionLineGoesUpToTheHundredthPercentile() {
        TimeSeries line = Percentiles.distribution("latency", "kafka", List.of(3L, 1L, 2L, 4L));
        assertThat(line.xs()).containsExactly(25.0, 50.0, 75.0, 100.0);
        assertThat(line.ys()).containsExactly(1.0, 2.0, 3.0, 4.0);
    }
}
