package dev.cdcpipeline.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPlotsTest {

    @TempDir
    Path directory;

    @Test
    void plotsArePngFilesDrawnWithoutADisplay() throws Exception {
        System.setProperty("java.awt.headless", "true");
        BenchResults results = new BenchResults(MachineDescription.read(), 1000);
        results.latency(new LatencyMeasurement.Result("latency_1000ms", java.time.Duration.ofSeconds(1), 3, 5000,
                Percentiles.of(List.of(900L, 1100L, 1300L)), Percentiles.of(List.of(200L, 250L, 300L)),
                new ResourceUsage(1, 0, 0, 0, 0, 0, 0),
                List.of(Percentiles.distribution("latency", "Kafka", List.of(900L, 1100L, 1300L)),
                        Percentiles.distribution("latency", "warehouse", List.of(200L, 250L, 300L)))));

        List<Path> written = BenchPlots.write(results, directory);

        assertThat(written).containsExactly(directory.resolve("latency.png"));
        assertThat(ImageIO.read(Files.newInputStream(written.get(0))).getWidth()).isEqualTo(1000);
    }
}
