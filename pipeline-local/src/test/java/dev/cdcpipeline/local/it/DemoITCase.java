package dev.cdcpipeline.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.cli.RunCommand;
import dev.cdcpipeline.local.LocalMain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The playground as a user runs it: {@code demo}, ending with a reconciliation without mismatches. */
class DemoITCase {

    private static final String RECONCILED_WITHOUT_MISMATCHES =
            "reconciled: tables=3 source_rows=[1-9][0-9]* warehouse_rows=[1-9][0-9]* kafka_records=[1-9][0-9]* mismatches=0";

    @Test
    void theDemoEndsWithItsFeaturesEqualToABruteForceRecomputationAndReconciledWithoutMismatches(@TempDir Path workDirectory) {
        List<String> lines = runDemo(workDirectory);

        assertThat(lines).anyMatch(line -> line.startsWith("progress: snapshot "));
        assertThat(lines.get(lines.size() - 2)).matches("features: views=1 entities=[1-9][0-9]* mismatches=0");
        assertThat(lines.get(lines.size() - 1)).matches(RECONCILED_WITHOUT_MISMATCHES);
    }

    @Test
    void theSqlEngineRunsTheMirrorScriptAndEndsReconciledWithoutMismatches(@TempDir Path workDirectory) {
        List<String> lines = runDemo(workDirectory, "--engine", "sql");

        assertThat(lines).anyMatch(line -> line.startsWith("playground: running sql/mysql-to-warehouse-and-kafka.sql "));
        assertThat(lines).anyMatch(line -> line.matches("line [0-9]+: 6 INSERTs started as Flink job [0-9a-f]{32}"));
        assertThat(lines.get(lines.size() - 1)).matches(RECONCILED_WITHOUT_MISMATCHES);
    }

    /** A short demo; its standard output's lines, once it exited with 0. */
    private static List<String> runDemo(Path workDirectory, String... moreOptions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of(
                "demo", "--duration", "8s", "--rows", "600", "--rate", "60", "--work-dir", workDirectory.toString()));
        arguments.addAll(List.of(moreOptions));

        int exitCode = LocalMain.execute(arguments.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(RunCommand.OK);
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
