package dev.cdcpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class VerifyOptionsTest {

    @Test
    void defaultsTo1024ChunksAndA30SecondLag() {
        assertThat(VerifyOptions.parse(new String[] {"pipeline.yaml"}))
                .isEqualTo(new VerifyOptions(Path.of("pipeline.yaml"), 1024, Duration.ofSeconds(30)));
    }

    @Test
    void optionsMayComeBeforeOrAfterTheFile() {
        assertThat(VerifyOptions.parse(new String[] {"--chunks", "64", "p.yaml", "--max-lag", "2min"}))
                .isEqualTo(new VerifyOptions(Path.of("p.yaml"), 64, Duration.ofMinutes(2)));
        assertThat(VerifyOptions.parse(new String[] {"p.yaml", "--max-lag", "0s"}).maxLag()).isZero();
        assertThat(VerifyOptions.parse(new String[] {"p.yaml", "--max-lag", "500ms"}).maxLag()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> VerifyOptions.parse(new String[] {})).hasMessageContaining("needs the pipeline file");
        assertThatThrownBy(() -> VerifyOptions.parse(new String[] {"a.yaml", "b.yaml"})).hasMessageContaining("one pipeline file");
        assertThatThrownBy(() -> VerifyOptions.parse(new String[] {"p.yaml", "--chunks"})).hasMessageContaining("--chunks needs a value");
        assertThatThrownBy(() -> VerifyOptions.parse(new String[] {"p.yaml", "--chunks", "0"}))
                .hasMessageContaining("--chunks expects an integer between 1 and");
        assertThatThrownBy(() -> VerifyOptions.parse(new String[] {"p.yaml", "--chunks", "many"}))
                .hasMessageContaining("got 'many'");
        assertThatThrownBy(() -> VerifyOptions.parse(new String[] {"p.yaml", "--max-lag", "soon"}))
                .hasMessageContaining("--max-lag expects a duration");
        assertThatThrownBy(() -> VerifyOptions.parse(new String[] {"p.yaml", "--rows", "5"})).hasMessageContaining("Unknown option --rows");
    }
}
