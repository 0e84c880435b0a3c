package dev.cdcpipeline.features;

import dev.cdcpipeline.change.ChangeEvent;
import dev.cdcpipeline.change.RowValues;

import org.apache.flink.api.java.functions.KeySelector;

/**
 * Keys a change by its entity: the key text of the entity column's value in the change's row
 * image (for a delete, the row as it was). After {@link EntityChanges} every change belongs to one
 * entity, so this is the entity the change affects. Key texts are stable across JVMs, so keyed
 * state restores.
 */
public final class EntityKeySelector implements KeySelector<ChangeEvent, String> {

    private static final long serialVersionUID = 1L;

    private final String entityColumn;

    public EntityKeySelector(String entityColumn) {
        this.entityColumn = entityColumn;
    }

    @Override
    public String getKey(ChangeEvent change) {
        return RowValues.toKeyText(change.latestRow().get(entityColumn));
    }
}
