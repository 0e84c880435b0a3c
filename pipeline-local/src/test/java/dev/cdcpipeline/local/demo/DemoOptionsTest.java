package dev.cdcpipeline.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void theJavaPipelineIsTheDefaultEngine() {
        assertThat(DemoOptions.parse(new String[0]).engine()).isEqualTo(DemoEngine.JAVA);
        assertThat(DemoOptions.parse(new String[] {"--engine", "SQL"}).engine()).isEqualTo(DemoEngine.SQL);
    }

    @Test
    void theSqlEngineReadsMariaDbOnly() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoOptions.parse(new String[] {"--engine", "sql", "--source", "postgres"}))
                .withMessage("--engine sql runs sql/mysql-to-warehouse-and-kafka.sql, which reads MariaDB: use --source mysql");
    }

    @Test
    void anUnknownChoiceNamesTheOptionAndItsChoices() {
        assertThatIllegalArgumentException().isThrownBy(() -> DemoOptions.parse(new String[] {"--engine", "flink"}))
                .withMessage("--engine expects one of java, sql, got 'flink'");
        assertThatIllegalArgumentException().isThrownBy(() -> DemoOptions.parse(new String[] {"--source", "oracle"}))
                .withMessage("--source expects one of mysql, postgres, both, got 'oracle'");
    }
}
