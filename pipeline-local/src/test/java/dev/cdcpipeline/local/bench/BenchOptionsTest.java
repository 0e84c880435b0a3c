package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final LocalDateTime STARTED = LocalDateTime.of(2026, 3, 1, 14, 5, 9);

    private static BenchOptions parse(String... args) {
        return BenchOptions.parse(args, STARTED);
    }

    @Test
    void byDefaultAMillionRowsIntoATimestampedFolderOfBenchResults() {
        BenchOptions options = parse();
        assertThat(options.rows()).isEqualTo(1_000_000);
        assertThat(options.quick()).isFalse();
        assertThat(options.outputDirectory()).isEqualTo(Path.of("bench-results", "20260301-140509"));
        assertThat(options.parallelism()).isEqualTo(2);
        assertThat(options.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.latencyCheckpointIntervals()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(options.streamWindow()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void quickIsSmallerAndShorter() {
        BenchOptions options = parse("--quick");
        assertThat(options.quick()).isTrue();
        assertThat(options.rows()).isEqualTo(200_000);
        assertThat(options.streamWindow()).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.latencyWindow()).isEqualTo(Duration.ofSeconds(15));
        // The same measurements: both checkpoint intervals still.
        assertThat(options.latencyCheckpointIntervals()).hasSize(2);
    }

    @Test
    void largeSnapshotsTenMillionRows() {
        assertThat(parse("--large").rows()).isEqualTo(10_000_000);
    }

    @Test
    void rowsOutputAndWorkDirectoryCanBeGiven() {
        BenchOptions options = parse("--quick", "--rows", "50_000", "--out", "/tmp/results", "--work-dir", "/tmp/w", "--parallelism", "1");
        assertThat(options.rows()).isEqualTo(50_000);
        assertThat(options.quick()).isTrue();
        assertThat(options.outputDirectory()).isEqualTo(Path.of("/tmp/results"));
        assertThat(options.workDirectory()).isEqualTo(Path.of("/tmp/w"));
        assertThat(options.parallelism()).isEqualTo(1);
    }

    @Test
    void theCheckpointIntervalSetsTheSecondLatencyIntervalToo() {
        BenchOptions options = parse("--checkpoint-interval", "2s");
        assertThat(options.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.latencyCheckpointIntervals()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void flinkOptionsAreCollectedInOrderAndTheLastOfAKeyWins() {
        BenchOptions options = parse("--flink", "execution.checkpointing.interval-during-backlog=30 s",
                "--flink", "state.backend.type=rocksdb", "--flink", "state.backend.type=hashmap");
        assertThat(options.flinkOptions()).containsExactly(
                entry("execution.checkpointing.interval-during-backlog", "30 s"), entry("state.backend.type", "hashmap"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--flink", "novalue="))
                .withMessage("--flink expects KEY=VALUE, got 'novalue='");
    }

    @Test
    void badOptionsAreRefusedWithAMessageNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--quick", "--large"))
                .withMessage("--quick and --large contradict each other: choose one");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rows"))
                .withMessage("Option --rows needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rows", "--quick"))
                .withMessage("Option --rows needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rows", "many"))
                .withMessage("--rows expects a whole number, got 'many'");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rows", "10"))
                .withMessage("--rows must be at least 1000, got 10");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--parallelism", "0"))
                .withMessage("--parallelism must be positive, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--checkpoint-interval", "soon"))
                .withMessage("--checkpoint-interval expects a duration such as 1s or 500ms, got 'soon'");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--checkpoint-interval", "10ms"))
                .withMessage("--checkpoint-interval must be at least 100 ms, got 10ms");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--fast"))
                .withMessage("Unknown option --fast");
    }
}
