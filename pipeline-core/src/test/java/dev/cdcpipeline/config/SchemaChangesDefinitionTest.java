package dev.cdcpipeline.config;

import static dev.cdcpipeline.config.PipelineDefinitionParserTest.MINIMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code pipeline.schema-changes}: evolve by default, the three modes by name, anything else named in the error. */
class SchemaChangesDefinitionTest {

    @Test
    void evolvesByDefault() {
        assertThat(PipelineDefinitionParser.parse(MINIMAL, Map.of()).pipeline().schemaChanges())
                .isEqualTo(SchemaChangeMode.EVOLVE);
    }

    @Test
    void readsEachMode() {
        assertThat(parseWith("evolve")).isEqualTo(SchemaChangeMode.EVOLVE);
        assertThat(parseWith("ignore")).isEqualTo(SchemaChangeMode.IGNORE);
        assertThat(parseWith("FAIL")).isEqualTo(SchemaChangeMode.FAIL);
    }

    @Test
    void anUnknownModeNamesTheKeyAndTheThreeModes() {
        PipelineConfigException error = catchThrowableOfType(PipelineConfigException.class,
                () -> PipelineDefinitionParser.parse(withMode("follow"), Map.of()));

        assertThat(error.getProblems()).containsExactly(
                "pipeline.schema-changes: expected one of evolve, ignore, fail, got 'follow'");
    }

    private static SchemaChangeMode parseWith(String mode) {
        return PipelineDefinitionParser.parse(withMode(mode), Map.of()).pipeline().schemaChanges();
    }

    private static String withMode(String mode) {
        return MINIMAL.replace("  name: shop-mirror\n", "  name: shop-mirror\n  schema-changes: " + mode + "\n");
    }
}
