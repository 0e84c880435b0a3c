package dev.cdcpipeline.job;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.features.FeatureView;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;
import dev.cdcpipeline.transform.TableTransform;

import java.util.List;
import java.util.Map;

/**
 * A pipeline definition resolved against the real systems: the source tables it matched, their
 * transforms, the warehouse tables and topics they map to, the feature views and where dead
 * letters go. Made by {@link PipelinePreparation} before the job starts.
 *
 * @param sourceTables the captured tables as the sources read them
 * @param transforms the compiled transform of each table that has one
 * @param deadLetterTopic the dead-letter topic, or {@code null} without a Kafka sink (then dead
 *     letters go to the warehouse table {@code cdc_dead_letters})
 */
public record PipelinePlan(
        PipelineDefinition definition,
        List<SourceTable> sourceTables,
        Map<TableId, TableTransform> transforms,
        List<WarehouseTable> warehouseTables,
        Map<TableId, String> topicByTable,
        List<FeatureView> featureViews,
        String deadLetterTopic) {

    public PipelinePlan {
        sourceTables = List.copyOf(sourceTables);
        transforms = Map.copyOf(transforms);
        warehouseTables = List.copyOf(warehouseTables);
        topicByTable = Map.copyOf(topicByTable);
        featureViews = List.copyOf(featureViews);
    }
}
