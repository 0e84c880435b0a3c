package dev.cdcpipeline.cli;

import dev.cdcpipeline.config.PipelineConfigException;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.source.SourceUnavailableException;
import dev.cdcpipeline.source.postgres.PostgresCleanup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code cleanup <pipeline.yaml>}: drops what a retired pipeline keeps on its sources, once its job
 * is stopped. A PostgreSQL replication slot retains WAL until it is dropped, so a forgotten one
 * fills the source's disk. The warehouse tables and the topics hold data and are left alone.
 */
public final class CleanupCommand {

    private CleanupCommand() {}

    public static int run(Path pipelineFile, Map<String, String> environmentVariables, PrintStream out, PrintStream err) {
        PipelineDefinition definition;
        try {
            definition = PipelineDefinitionParser.parseFile(pipelineFile, environmentVariables);
        } catch (PipelineConfigException e) {
            err.println(e.getMessage());
            return RunCommand.BAD_CONFIGURATION;
        }
        int exitCode = RunCommand.OK;
        for (SourceSettings source : definition.sources()) {
            if (!(source instanceof PostgresSourceSettings postgres)) {
                out.println(source.describe() + ": nothing to clean up (a binlog reader leaves nothing on the server)");
                continue;
            }
            try {
                List<String> dropped = PostgresCleanup.dropSlotAndPublication(postgres);
                out.println(source.describe() + ": " + (dropped.isEmpty() ? "nothing left to drop" : "dropped " + String.join(" and ", dropped)));
            } catch (SourceUnavailableException e) {
                err.println(e.getMessage());
                exitCode = RunCommand.FAILED;
            }
        }
        return exitCode;
    }
}
