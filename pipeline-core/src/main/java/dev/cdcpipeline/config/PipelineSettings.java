package dev.cdcpipeline.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * The {@code pipeline:} section: what the pipeline is called and how wide it runs.
 *
 * @param name {@code name}, required: 1 to 63 characters of {@code a-z 0-9 _ -}, starting with a
 *     letter. It names the pipeline's Kafka transactional ids and checkpoint directories, so it must
 *     stay the same for the life of the pipeline and be unique among pipelines.
 * @param parallelism {@code parallelism}, optional, default 1: how many parallel instances each
 *     operator runs, an integer {@code >= 1}
 * @param schemaChanges {@code schema-changes}, optional, default {@code evolve}: what a schema change
 *     of a captured table does to the warehouse table (see {@link SchemaChangeMode})
 */
public record PipelineSettings(String name, int parallelism, SchemaChangeMode schemaChanges) implements Serializable {

    public PipelineSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schemaChanges, "schemaChanges");
    }

    /** With the default {@code schema-changes: evolve}. */
    public PipelineSettings(String name, int parallelism) {
        this(name, parallelism, SchemaChangeMode.EVOLVE);
    }
}
