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
import java.util.List;

/**
 * {@code demo --source both}: the shop in MariaDB and in PostgreSQL, with the same table names,
 * captured by one pipeline into one warehouse and one set of topics without their names colliding.
 */
class MultiSourceDemoITCase {

    @Test
    void bothSourcesReconcileWithoutMismatches(@TempDir Path workDirectory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = LocalMain.execute(new String[] {"demo", "--source", "both", "--duration", "8s", "--rows", "300",
                        "--rate", "40", "--work-dir", workDirectory.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exitCode).as("exit code; stderr:%n%s", err).isEqualTo(RunCommand.OK);
        assertThat(lines).anyMatch(line -> line.contains("shop database created in MariaDB"))
                .anyMatch(line -> line.contains("shop database created in PostgreSQL"))
                .anyMatch(line -> line.startsWith("progress: ") && line.matches(".* wal retained [0-9]+ kB"));
        assertThat(lines.get(lines.size() - 1))
                .matches("reconciled: tables=6 source_rows=[1-9][0-9]* warehouse_rows=[1-9][0-9]* kafka_records=[1-9][0-9]* mismatches=0");
    }
}
