package dev.cdcpipeline.local.demo;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.DeleteMode;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.job.PipelinePlan;
import dev.cdcpipeline.local.LocalEnvironments;
import dev.cdcpipeline.local.verify.Reconciler;
import dev.cdcpipeline.local.verify.TopicFormat;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.kafka.KafkaTopicSetup;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;
import dev.cdcpipeline.source.SourceConnectors;
import dev.cdcpipeline.sql.RunningScript;
import dev.cdcpipeline.sql.SqlScript;
import dev.cdcpipeline.sql.SqlScriptException;
import dev.cdcpipeline.sql.SqlScriptRunner;
import dev.cdcpipeline.sql.SqlStatement;
import dev.cdcpipeline.sql.SqlStatementSplitter;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playground's SQL engine: {@code sql/mysql-to-warehouse-and-kafka.sql} run against the
 * playground's servers, and a {@link Reconciler} for what it writes. The script names its
 * warehouse tables and topics itself; this class knows them too, to create them (the script's
 * connectors cannot) and to reconcile them with the source.
 */
public final class SqlMirror {

    public static final String SCRIPT = "mysql-to-warehouse-and-kafka.sql";
    /** The PostgreSQL DDL of the tables the mirror scripts write into. */
    public static final String WAREHOUSE_TABLES = "warehouse/create-tables.sql";
    public static final String WAREHOUSE_SCHEMA = "sql_mirror";
    /** The script's default {@code KAFKA_TOPIC_PREFIX}. */
    public static final String TOPIC_PREFIX = "sql-mirror";

    private final Playground playground;
    private final PipelinePlan plan;

    private SqlMirror(Playground playground, PipelinePlan plan) {
        this.playground = playground;
        this.plan = plan;
    }

    /** A script of {@code sql/} from the copy that pipeline-local.jar carries. */
    public static String bundledScript(String name) throws IOException {
        try (InputStream script = SqlMirror.class.getResourceAsStream("/sql/" + name)) {
            if (script == null) {
                throw new IOException("sql/" + name + " is not in this jar");
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Creates the warehouse tables (running {@code warehouseTables}, the text of
     * {@link #WAREHOUSE_TABLES}) and the topics the script writes into, and reads the schemas of
     * the source tables it mirrors.
     */
    public static SqlMirror prepare(Playground playground, String warehouseTables) throws SQLException, SqlScriptException {
        try (Connection connection = playground.warehouseConnection(); Statement statement = connection.createStatement()) {
            for (SqlStatement ddl : SqlStatementSplitter.split(warehouseTables)) {
                statement.execute(ddl.text());
            }
        }
        PipelinePlan plan = planOf(connectionSettings(playground));
        KafkaTopicSetup.createMissingTopics(plan.definition().kafka().orElseThrow(), plan.topicByTable().values());
        return new SqlMirror(playground, plan);
    }

    /**
     * The playground's pipeline definition, for what the {@link Reconciler} takes from one: where
     * the source, the warehouse and the broker are, and their credentials.
     */
    private static PipelineDefinition connectionSettings(Playground playground) {
        String yaml = playground.pipelineYaml(TOPIC_PREFIX, 1, Duration.ofSeconds(10),
                Path.of(System.getProperty("java.io.tmpdir")), "");
        return PipelineDefinitionParser.parse(yaml, playground.secrets());
    }

    /** The script's outputs as a plan: table {@code shop.t} goes to {@code sql_mirror.shop_t} and {@code sql-mirror.shop.t}. */
    private static PipelinePlan planOf(PipelineDefinition definition) {
        List<SourceTable> sourceTables = SourceConnectors.prepare(definition.sources().get(0)).stream()
                .filter(table -> table.id().database().equals(ShopSchema.DATABASE))
                .toList();
        Map<TableId, String> topicByTable = new LinkedHashMap<>();
        List<WarehouseTable> warehouseTables = sourceTables.stream().map(table -> {
            TableId id = table.id();
            topicByTable.put(id, TOPIC_PREFIX + "." + id.database() + "." + id.table());
            return WarehouseTable.mirroring(table, WAREHOUSE_SCHEMA, id.database() + "_" + id.table(), DeleteMode.HARD);
        }).toList();
        return new PipelinePlan(definition, sourceTables, Map.of(), warehouseTables, topicByTable, List.of(), null);
    }

    /**
     * Starts the script (its text) in a local mini-cluster, its connections set through the
     * environment variables it reads.
     */
    public RunningScript start(String script, int parallelism, Duration checkpointInterval, PrintStream out)
            throws SqlScriptException {
        Map<String, String> variables = new HashMap<>(playground.sqlScriptVariables());
        variables.put("PARALLELISM", String.valueOf(parallelism));
        variables.put("CHECKPOINT_INTERVAL", checkpointInterval.toMillis() + " ms");
        variables.put("KAFKA_TOPIC_PREFIX", TOPIC_PREFIX);
        return SqlScriptRunner.start(SqlScript.parse(script, variables), LocalEnvironments::create, out);
    }

    /** Compares the source with the script's warehouse tables and topics. */
    public Reconciler reconciler() {
        return new Reconciler(plan, TopicFormat.UPSERT_ROWS);
    }

    public PipelinePlan plan() {
        return plan;
    }
}
