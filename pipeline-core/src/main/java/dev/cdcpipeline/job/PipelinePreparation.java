package dev.cdcpipeline.job;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.WarehouseSettings;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.kafka.KafkaTopicSetup;
import dev.cdcpipeline.sink.kafka.TopicNames;
import dev.cdcpipeline.sink.warehouse.WarehouseSchemaSetup;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;
import dev.cdcpipeline.source.mysql.MySqlBinlogCheck;
import dev.cdcpipeline.source.mysql.MySqlCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything checked and set up before the job starts, so that a misconfiguration is one clear
 * message instead of a job restarting in a loop: the source's binlog settings, the tables the
 * patterns match and their schemas, the warehouse tables and the topics.
 */
public final class PipelinePreparation {

    private PipelinePreparation() {}

    public static PipelinePlan prepare(PipelineDefinition definition) {
        MySqlBinlogCheck.requireRowBinlog(definition.source());
        List<SourceTable> sourceTables = MySqlCatalog.discover(definition.source());
        String pipeline = definition.pipeline().name();

        List<WarehouseTable> warehouseTables = new ArrayList<>();
        definition.warehouse().ifPresent(warehouse -> {
            for (SourceTable table : sourceTables) {
                warehouseTables.add(WarehouseTable.mirroring(
                        table, warehouse.schema(), warehouseTableName(warehouse, pipeline, table.id()), warehouse.deleteMode()));
            }
            WarehouseSchemaSetup.createMissingTables(warehouse, warehouseTables);
        });

        Map<TableId, String> topicByTable = new LinkedHashMap<>();
        definition.kafka().ifPresent(kafka -> {
            for (SourceTable table : sourceTables) {
                topicByTable.put(table.id(), TopicNames.topicFor(kafka.topic(), pipeline, table.id()));
            }
            KafkaTopicSetup.createMissingTopics(kafka, topicByTable.values());
        });
        return new PipelinePlan(definition, sourceTables, warehouseTables, topicByTable);
    }

    static String warehouseTableName(WarehouseSettings warehouse, String pipeline, TableId table) {
        return warehouse.tableName()
                .replace("{pipeline}", pipeline)
                .replace("{database}", table.database())
                .replace("{table}", table.table());
    }
}
