package dev.cdcpipeline.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pipeline, as defined by its YAML file: where it reads changes, where it writes them, and how
 * it runs. Read it with {@link PipelineDefinitionParser}; the keys follow Flink CDC's YAML pipeline
 * definitions (kebab-case) and Flink's own option names.
 *
 * <pre>{@code
 * pipeline:
 *   name: shop-mirror
 *   parallelism: 2
 * source:
 *   type: mysql
 *   hostname: db.example.com
 *   port: 3306
 *   username: cdc
 *   password: ${MYSQL_PASSWORD}
 *   tables: shop.customers, shop.orders
 *   server-id: 5400-5404
 *   server-time-zone: UTC
 *   debezium.poll.interval.ms: 10
 * warehouse:
 *   url: jdbc:postgresql://warehouse.example.com:5432/warehouse
 *   username: loader
 *   password: ${WAREHOUSE_PASSWORD}
 * kafka:
 *   bootstrap-servers: broker1:9092,broker2:9092
 * flink:
 *   execution.checkpointing.interval: 10s
 * }</pre>
 *
 * <p>Each section's keys, defaults and limits are listed on its record. Common to all:
 * <ul>
 *   <li>Every value may use environment variables: {@code ${NAME}}, or {@code ${NAME:-default}} for a
 *       default when {@code NAME} is unset or empty; <code>$${</code> writes a literal <code>${</code>.
 *   <li>A number may be written with or without quotes; a duration as Flink writes them:
 *       {@code 500ms}, {@code 10s}, {@code 15min}, {@code 7d}.
 *   <li>Unknown keys are errors, except under the pass-through prefixes ({@code debezium.*},
 *       {@code jdbc.properties.*}, {@code properties.*}) and in the {@code flink:} section.
 * </ul>
 *
 * @param pipeline {@code pipeline:}, required: see {@link PipelineSettings}
 * @param sources {@code source:} (one source) or {@code sources:} (a list of them), one of the two
 *     required: see {@link MySqlSourceSettings} and {@link PostgresSourceSettings}. With several
 *     sources, each needs a distinct {@code name}, and the default warehouse table and topic names
 *     include it ({@code {source}_{database}_{table}}, {@code {pipeline}.{source}.{database}.{table}})
 * @param warehouse {@code warehouse:}, optional: see {@link WarehouseSettings}
 * @param kafka {@code kafka:}, optional: see {@link KafkaSettings}; at least one of {@code warehouse:}
 *     and {@code kafka:} is required
 * @param dedup {@code dedup:}, optional, all defaults when absent: see {@link DedupSettings}
 * @param flink {@code flink:}, optional: see {@link FlinkSettings}
 * @param transforms {@code transforms:}, optional: a list of {@link TransformSettings}, at most one per table
 * @param features {@code features:}, optional: a list of {@link FeatureViewSettings}
 */
public record PipelineDefinition(
        PipelineSettings pipeline,
        List<SourceSettings> sources,
        Optional<WarehouseSettings> warehouse,
        Optional<KafkaSettings> kafka,
        DedupSettings dedup,
        FlinkSettings flink,
        List<TransformSettings> transforms,
        List<FeatureViewSettings> features) {

    public PipelineDefinition {
        Objects.requireNonNull(pipeline, "pipeline");
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one source");
        }
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(dedup, "dedup");
        Objects.requireNonNull(flink, "flink");
        transforms = List.copyOf(transforms);
        features = List.copyOf(features);
        if (warehouse.isEmpty() && kafka.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs a warehouse, a kafka sink, or both");
        }
    }
}
