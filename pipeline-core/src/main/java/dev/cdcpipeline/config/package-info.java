/**
 * The pipeline definition: one YAML file per pipeline, read into validated, immutable settings.
 *
 * <p>Start at {@link dev.cdcpipeline.config.PipelineDefinitionParser} (reading) and
 * {@link dev.cdcpipeline.config.PipelineDefinition} (the result, and the reference of every key).
 * Everything not public here is the reading machinery: the YAML loader, the per-section key reader,
 * the environment variable substitution and the value formats.
 */
package dev.cdcpipeline.config;
