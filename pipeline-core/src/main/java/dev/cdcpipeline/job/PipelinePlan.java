package dev.cdcpipeline.job;

import dev.cdcpipeline.change.TableId;
import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.schema.SourceTable;
import dev.cdcpipeline.sink.warehouse.WarehouseTable;

import java.util.List;
import java.util.Map;

/**
 * A pipeline definition resolved against the real systems: the source tables it matched, the
 * warehouse tables and topics they map to. Made by {@link PipelinePreparation} before the job
 * starts.
 */
public record PipelinePlan(
        PipelineDefinition definition,
        List<SourceTable> sourceTables,
        List<WarehouseTable> warehouseTables,
        Map<TableId, String> topicByTable) {

    public PipelinePlan {
        sourceTables = List.copyOf(sourceTables);
        warehouseTables = List.copyOf(warehouseTables);
        topicByTable = Map.copyOf(topicByTable);
    }
}
