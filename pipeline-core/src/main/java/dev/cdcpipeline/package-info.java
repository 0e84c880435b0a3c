/** The CDC pipeline library: change model, operators, sources and sinks wiring, configuration. */
package dev.cdcpipeline;
