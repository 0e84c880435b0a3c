package dev.cdcpipeline.job;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineConfigException;
import dev.cdcpipeline.config.SourceSettings;
import dev.cdcpipeline.deadletter.DeadLetterWarehouseSink;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.kafka.KafkaTopicSetup;
import dev.cdcpipeline.sink.kafka.TopicNames;
import dev.cdcpipeline.sink.warehouse.WarehouseSchemaSetup;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;
import dev.cdcpipeline.sink.features.FeatureWarehouseSetup;
import dev.cdcpipeline.sink.features.FeatureTable;
import dev.cdcpipeline.source.SourceConnectors;
import dev.cdcpipeline.transform.TableTransform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything checked and set up before the job starts, so that a misconfiguration is one clear
 * message instead of a job restarting in a loop: the source's binlog settings, the tables the
 * patterns match and their schemas, the transforms and feature views against those schemas, the
 * warehouse tables and the topics.
 */
public final class PipelinePreparation {

    private PipelinePreparation() {}

    public static PipelinePlan prepare(PipelineDefinition definition) {
        List<SourceTable> sourceTables = new ArrayList<>();
        for (SourceSettings source : definition.sources()) {
            sourceTables.addAll(SourceConnectors.prepare(source));
        }
        String pipeline = definition.pipeline().name();
        // Everything is checked before anything is created in the warehouse or on Kafka.
        Map<TableId, TableTransform> transforms = TransformResolution.resolve(definition.transforms(), sourceTables);
        List<SourceTable> outputTables = TransformResolution.outputTables(sourceTables, transforms);
        String featureTopics = definition.kafka().map(kafka -> pipeline + ".features.{view}").orElse(null);
        List<FeatureView> featureViews = FeatureViewResolution.resolve(definition.features(), outputTables, featureTopics);
        String deadLetterTopic = definition.kafka()
                .map(kafka -> TopicNames.requireLegal(kafka.deadLetterTopic().replace("{pipeline}", pipeline), "kafka.dead-letter-topic"))
                .orElse(null);

        List<WarehouseTable> warehouseTables = new ArrayList<>();
        definition.warehouse().ifPresent(warehouse -> {
            for (SourceTable table : outputTables) {
                warehouseTables.add(WarehouseTable.mirroring(
                        table, warehouse.schema(), resolve(warehouse.tableName(), pipeline, table.id()), warehouse.deleteMode()));
            }
            List<String> names = new ArrayList<>(warehouseTables.stream().map(WarehouseTable::name).toList());
            featureViews.forEach(view -> FeatureTable.of(view, warehouse.schema()).forEach(table -> names.add(table.name())));
            requireDistinct("warehouse.table-name", names);
            WarehouseSchemaSetup.createMissingTables(warehouse, warehouseTables);
            FeatureWarehouseSetup.createMissingTables(warehouse, featureViews);
            if (deadLetterTopic == null) {
                DeadLetterWarehouseSink.createTable(warehouse);
            }
        });

        Map<TableId, String> topicByTable = new LinkedHashMap<>();
        definition.kafka().ifPresent(kafka -> {
            for (SourceTable table : sourceTables) {
                topicByTable.put(table.id(), TopicNames.requireLegal(resolve(kafka.topic(), pipeline, table.id()), table.id()));
            }
            List<String> topics = new ArrayList<>(topicByTable.values());
            featureViews.forEach(view -> topics.add(TopicNames.requireLegal(view.topic(), "features." + view.name())));
            topics.add(deadLetterTopic);
            requireDistinct("kafka.topic", topics);
            KafkaTopicSetup.createMissingTopics(kafka, topics);
        });
        return new PipelinePlan(definition, sourceTables, transforms, warehouseTables, topicByTable, featureViews, deadLetterTopic);
    }

    /** Fills a table or topic name template of the definition. */
    public static String resolve(String template, String pipeline, TableId table) {
        return template.replace("{pipeline}", pipeline)
                .replace("{source}", table.source())
                .replace("{database}", table.database())
                .replace("{table}", table.table());
    }

    /** Two tables written to one warehouse table or topic would mix their rows. */
    private static void requireDistinct(String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> repeated = names.stream().filter(name -> !seen.add(name)).distinct().toList();
        if (!repeated.isEmpty()) {
            throw new PipelineConfigException(null, List.of(key + ": expected a distinct name per captured table, but "
                    + repeated + " would each receive several tables; add {source} and {database} to the template"));
        }
    }
}
