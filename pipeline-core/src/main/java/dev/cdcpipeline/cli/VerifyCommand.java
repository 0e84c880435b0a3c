package dev.cdcpipeline.cli;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineConfigException;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.config.PostgresSourceSettings;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.job.PipelinePreparation;
import dev.cdcpipeline.schema.SourceColumn;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.warehouse.WarehouseSchemaSetup;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;
import dev.cdcpipeline.source.SourceConnectors;
import dev.cdcpipeline.source.SourceUnavailableException;
import dev.cdcpipeline.verify.JdbcTableSide;
import dev.cdcpipeline.verify.KeyDifference;
import dev.cdcpipeline.verify.TableVerification;
import dev.cdcpipeline.verify.TableVerifier;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code verify <pipeline.yaml> [--chunks N] [--max-lag 30s]}: compares every captured table of a
 * pipeline between its source and its warehouse table, by row counts and checksums per chunk of
 * rows, and names the primary keys that differ. Read-only: it creates and changes nothing, neither
 * on the sources nor in the warehouse. Exit code 0 when every compared table is equal, 1 when one
 * differs or cannot be read, 2 for a bad definition or an unreachable source.
 */
public final class VerifyCommand {

    /** How often differing chunks of a live pipeline are checked again, within {@code --max-lag}. */
    static final Duration RECHECK_INTERVAL = Duration.ofSeconds(2);
    /** Differing keys printed per table; the count covers them all. */
    static final int MAX_LISTED_KEYS = 20;
    /** Rows held at once (key and row hash) to name the differing keys of a table's differing chunks. */
    static final long KEY_BUDGET = 500_000;

    private static final String SOFT_DELETE_COLUMN = "_cdc_deleted";

    private VerifyCommand() {}

    public static int run(String[] args, Map<String, String> environmentVariables, PrintStream out, PrintStream err) {
        VerifyOptions options;
        PipelineDefinition definition;
        try {
            options = VerifyOptions.parse(args);
            definition = PipelineDefinitionParser.parseFile(options.pipelineFile(), environmentVariables);
        } catch (IllegalArgumentException | PipelineConfigException e) {
            err.println(e.getMessage());
            return RunCommand.BAD_CONFIGURATION;
        }
        String pipeline = definition.pipeline().name();
        if (definition.warehouse().isEmpty()) {
            err.println("Cannot verify pipeline '" + pipeline + "': it has no warehouse: section, and verify compares"
                    + " the source tables with their warehouse tables");
            return RunCommand.BAD_CONFIGURATION;
        }
        WarehouseSettings warehouse = definition.warehouse().get();
        List<SourceTable> tables = new ArrayList<>();
        try {
            for (SourceSettings source : definition.sources()) {
                tables.addAll(SourceConnectors.describeTables(source));
            }
        } catch (SourceUnavailableException e) {
            err.println("Cannot verify pipeline '" + pipeline + "': " + e.getMessage());
            return RunCommand.BAD_CONFIGURATION;
        }

        TableVerifier verifier = new TableVerifier(options.chunks(), options.maxLag(), RECHECK_INTERVAL, MAX_LISTED_KEYS,
                KEY_BUDGET, duration -> Thread.sleep(duration.toMillis()), System::nanoTime);
        long sourceRows = 0;
        long warehouseRows = 0;
        long mismatches = 0;
        int notVerified = 0;
        for (SourceTable table : tables) {
            String prefix = "verify: table=" + table.id();
            if (transformed(definition, table.id())) {
                out.println(prefix + " not verified (transformed)");
                notVerified++;
                continue;
            }
            WarehouseTable target = WarehouseTable.mirroring(table, warehouse.schema(),
                    PipelinePreparation.resolve(warehouse.tableName(), pipeline, table.id()), warehouse.deleteMode());
            try {
                TableVerification result = verify(verifier, definition, table, warehouse, target, out, prefix);
                if (result == null) {
                    mismatches++;
                    continue;
                }
                sourceRows += result.sourceRows();
                warehouseRows += result.warehouseRows();
                mismatches += result.minimumDifferingKeys();
                print(result, options, prefix, out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                err.println("verify interrupted");
                return RunCommand.FAILED;
            } catch (Exception e) {
                out.println(prefix + " failed: " + e.getMessage());
                mismatches++;
            }
        }
        out.println("verify: tables=" + tables.size() + " source_rows=" + sourceRows + " warehouse_rows=" + warehouseRows
                + " mismatches=" + mismatches + (notVerified > 0 ? " not_verified=" + notVerified : ""));
        if (mismatches > 0) {
            err.println("Pipeline '" + pipeline + "': the warehouse differs from the source (mismatches=" + mismatches + ")");
            return RunCommand.FAILED;
        }
        return RunCommand.OK;
    }

    /** The table's comparison, or null when its warehouse table does not exist (said on {@code out}). */
    private static TableVerification verify(TableVerifier verifier, PipelineDefinition definition, SourceTable table,
            WarehouseSettings warehouse, WarehouseTable target, PrintStream out, String prefix) throws Exception {
        String liveRows;
        SourceTable compared;
        try (Connection connection = WarehouseSchemaSetup.open(warehouse)) {
            if (!exists(connection, target)) {
                out.println(prefix + " failed: the warehouse table " + target.qualifiedName() + " does not exist in "
                        + WarehouseSchemaSetup.describe(warehouse.url()));
                return null;
            }
            liveRows = liveRowsCondition(connection, target);
            compared = columnsOnBothSides(connection, table, target, out, prefix);
        }
        SourceSettings source = definition.sources().stream()
                .filter(candidate -> candidate.name().equals(table.id().source())).findFirst().orElseThrow();
        boolean postgresSource = source instanceof PostgresSourceSettings;
        String sourceTable = postgresSource
                ? JdbcTableSide.doubleQuote(table.id().database()) + "." + JdbcTableSide.doubleQuote(table.id().table())
                : JdbcTableSide.backQuote(table.id().database()) + "." + JdbcTableSide.backQuote(table.id().table());
        JdbcTableSide sourceSide = new JdbcTableSide(compared, () -> SourceConnectors.openConnection(source), postgresSource, sourceTable, "");
        JdbcTableSide warehouseSide = new JdbcTableSide(compared, () -> WarehouseSchemaSetup.open(warehouse), true,
                target.qualifiedName(), liveRows);
        return verifier.verify(sourceSide, warehouseSide);
    }

    private static void print(TableVerification result, VerifyOptions options, String prefix, PrintStream out) {
        out.println(prefix + " source_rows=" + result.sourceRows() + " warehouse_rows=" + result.warehouseRows()
                + " chunks=" + result.chunks() + " differing_chunks=" + result.differingChunks()
                + " differing_keys=" + result.minimumDifferingKeys() + (result.unexaminedChunks() > 0 ? "+" : ""));
        for (KeyDifference difference : result.listedKeys()) {
            out.println("  key " + difference.key() + ": " + difference.reason());
        }
        long unlisted = result.differingKeys() - result.listedKeys().size();
        if (unlisted > 0) {
            out.println("  ... and " + unlisted + " more differing keys");
        }
        if (result.unexaminedChunks() > 0) {
            out.println("  ... and " + result.unexaminedChunks() + " more differing chunks not examined key by key"
                    + " (too many rows to hold at once)");
        }
        if (result.inFlightChunks() > 0) {
            out.println("  note: " + result.inFlightChunks() + " chunks differed at first and agreed within --max-lag "
                    + text(options.maxLag()) + ": changes in flight, not differences");
        }
    }

    /** As the option is written: {@code 30s}, {@code 500ms}. */
    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static boolean transformed(PipelineDefinition definition, TableId table) {
        return definition.transforms().stream()
                .anyMatch(transform -> transform.matches(table.source(), table.database(), table.table()));
    }

    private static boolean exists(Connection connection, WarehouseTable table) throws SQLException {
        try (ResultSet found = connection.getMetaData().getTables(null, table.schema(), table.name(), null)) {
            return found.next();
        }
    }

    /**
     * The source table with only the columns its warehouse table has too. A column added at the
     * source that the warehouse does not have ({@code pipeline.schema-changes: ignore}, or not yet
     * evolved) is said in a note, not compared; columns the source dropped are no longer described.
     */
    private static SourceTable columnsOnBothSides(Connection connection, SourceTable table, WarehouseTable target, PrintStream out,
            String prefix) throws SQLException {
        Set<String> warehouseColumns = new HashSet<>();
        try (ResultSet columns = connection.getMetaData().getColumns(null, target.schema(), target.name(), null)) {
            while (columns.next()) {
                warehouseColumns.add(columns.getString("COLUMN_NAME"));
            }
        }
        List<String> sourceOnly = table.columns().stream().map(SourceColumn::name)
                .filter(name -> !warehouseColumns.contains(name)).toList();
        if (sourceOnly.isEmpty()) {
            return table;
        }
        out.println(prefix + " note: not compared, as the warehouse table has no such column: " + String.join(", ", sourceOnly));
        return new SourceTable(table.id(),
                table.columns().stream().filter(column -> warehouseColumns.contains(column.name())).toList(), table.primaryKey());
    }

    /** Soft deletes keep a deleted row, flagged: only live rows are compared. */
    private static String liveRowsCondition(Connection connection, WarehouseTable table) throws SQLException {
        try (ResultSet column = connection.getMetaData().getColumns(null, table.schema(), table.name(), SOFT_DELETE_COLUMN)) {
            return column.next() ? " WHERE NOT " + SOFT_DELETE_COLUMN : "";
        }
    }
}
