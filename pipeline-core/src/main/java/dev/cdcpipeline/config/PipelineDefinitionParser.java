package dev.cdcpipeline.config;

import static dev.cdcpipeline.config.FlinkSettings.CHECKPOINTING_DIR;
import static dev.cdcpipeline.config.FlinkSettings.CHECKPOINTING_INTERVAL;
import static dev.cdcpipeline.config.FlinkSettings.DEFAULT_CHECKPOINTING_INTERVAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.util.TimeUtils;

/**
 * Reads a pipeline definition (YAML, see {@link PipelineDefinition}) into validated settings.
 *
 * <p>Every problem in the file is collected and reported in one {@link PipelineConfigException}, so
 * that a pipeline never starts half-configured and the user fixes everything in one go. The
 * settings records are built only from sections that read without problems; the exception is thrown
 * before any of them could be returned.
 */
public final class PipelineDefinitionParser {

    private static final String TABLE_PLACEHOLDER = "table";
    private static final Set<String> PLACEHOLDERS = Set.of("pipeline", "source", "database", TABLE_PLACEHOLDER);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern URL_PASSWORD_PARAMETER = Pattern.compile("(?i)[?&;]password=");

    /** Kafka brokers refuse transaction timeouts above {@code transaction.max.timeout.ms}, 15 minutes by default. */
    private static final Duration BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private static final ValueFormat<String> PIPELINE_NAME = ValueFormat.matching("[a-z][a-z0-9_-]{0,62}",
            "a name of 1 to 63 characters a-z, 0-9, '_' or '-', starting with a letter");
    private static final ValueFormat<Integer> AT_LEAST_ONE = ValueFormat.integerAtLeast(1);
    private static final ValueFormat<Integer> AT_LEAST_ZERO = ValueFormat.integerAtLeast(0);
    private static final ValueFormat<Integer> MAX_REQUEST_SIZE = ValueFormat.integerAtLeast(4096);
    private static final ValueFormat<Integer> PORT = ValueFormat.integerBetween(1, 65535);
    private static final ValueFormat<Duration> POSITIVE_DURATION = ValueFormat.positiveDuration();
    private static final ValueFormat<String> HOST_NAME = ValueFormat.nonBlankText("a host name");
    private static final ValueFormat<String> USER_NAME = ValueFormat.nonBlankText("a user name");
    private static final ValueFormat<TablePattern> TABLE_PATTERN = new ValueFormat<>(
            "database.table, each part a name or a Java regular expression (shop.orders, shop.order_.*, shop.\\.*)",
            TablePattern::parse);
    private static final ValueFormat<ServerIdRange> SERVER_ID = new ValueFormat<>(
            "a server id or an inclusive range a-b with 1 <= a <= b <= " + ServerIdRange.MAX_ID, ServerIdRange::parse);
    private static final ValueFormat<String> JDBC_URL = ValueFormat.text(
            url -> url.startsWith("jdbc:postgresql:") && !URL_PASSWORD_PARAMETER.matcher(url).find(),
            "a JDBC URL such as jdbc:postgresql://host:5432/db, without a password parameter (set password instead)");
    private static final ValueFormat<String> SCHEMA = ValueFormat.nonBlankText("a schema name");
    private static final ValueFormat<String> NAME_TEMPLATE = ValueFormat.text(
            PipelineDefinitionParser::isNameTemplate,
            "a name containing {table}, and optionally {pipeline}, {source} and {database}, as placeholders");
    private static final ValueFormat<String> PIPELINE_TEMPLATE = ValueFormat.matching("([a-zA-Z0-9._-]|\\{pipeline})+",
            "a topic name of a-z A-Z 0-9 . _ - that may contain {pipeline}");
    private static final ValueFormat<String> SOURCE_NAME = ValueFormat.matching("[a-z][a-z0-9_]{0,30}",
            "a name of 1 to 31 characters a-z, 0-9 or '_', starting with a letter");
    private static final ValueFormat<String> DATABASE_NAME = ValueFormat.nonBlankText("a database name");
    /** PostgreSQL's rule for replication slot names; publications follow it too here. */
    private static final ValueFormat<String> SLOT_NAME = ValueFormat.matching("[a-z0-9_]{1,63}",
            "a name of 1 to 63 characters a-z, 0-9 or '_'");
    private static final ValueFormat<String> BOOTSTRAP_SERVERS =
            ValueFormat.nonBlankText("host:port pairs separated by commas, such as broker1:9092,broker2:9092");
    private static final ValueFormat<String> CHECKPOINT_DIR = ValueFormat.uriWithScheme(
            "a URI with a scheme, such as file:///var/lib/cdc/checkpoints or s3://bucket/checkpoints");

    private static final ValueFormat<String> EXPRESSION = ValueFormat.nonBlankText(
            "an expression such as amount > 0 AND status <> 'cancelled' (see the README's transforms section)");
    private static final ValueFormat<String> COLUMN_NAME = ValueFormat.nonBlankText("a column name");
    private static final ValueFormat<String> VIEW_NAME = ValueFormat.matching("[a-z][a-z0-9_]{0,47}",
            "a name of 1 to 48 characters a-z, 0-9 or '_', starting with a letter");
    private static final ValueFormat<FeatureWindow> WINDOW = new ValueFormat<>(
            "a window length: a whole number followed by s, m, h or d (30m, 1h, 24h, 7d)", FeatureWindow::parse);
    private static final ValueFormat<Duration> NON_NEGATIVE_DURATION = ValueFormat.nonNegativeDuration();

    /** {@code normalize.timestamps} */
    enum TimestampNormalization { KEEP, UTC }

    /** {@code normalize.decimals} */
    enum DecimalNormalization { NUMBER, TEXT }

    private final EnvironmentSubstitution environment;
    private final ConfigProblems problems = new ConfigProblems();

    private PipelineDefinitionParser(Map<String, String> environment) {
        this.environment = new EnvironmentSubstitution(environment);
    }

    /**
     * Reads a pipeline definition given as text.
     *
     * @param environment the variables that {@code ${NAME}} refers to; production passes {@link System#getenv()}
     * @throws PipelineConfigException listing every problem found
     */
    public static PipelineDefinition parse(String yamlText, Map<String, String> environment) {
        return new PipelineDefinitionParser(environment).read(yamlText, null);
    }

    /**
     * Reads a pipeline definition file (UTF-8).
     *
     * @param environment the variables that {@code ${NAME}} refers to; production passes {@link System#getenv()}
     * @throws PipelineConfigException naming the file, if it cannot be read or has problems
     */
    public static PipelineDefinition parseFile(Path file, Map<String, String> environment) {
        String yamlText;
        try {
            yamlText = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PipelineConfigException(file.toString(), List.of("the file does not exist"), e);
        } catch (CharacterCodingException e) {
            throw new PipelineConfigException(file.toString(), List.of("the file is not UTF-8 text"), e);
        } catch (IOException e) {
            throw new PipelineConfigException(file.toString(), List.of("the file cannot be read: " + e), e);
        }
        return new PipelineDefinitionParser(environment).read(yamlText, file.toString());
    }

    private PipelineDefinition read(String yamlText, String source) {
        PipelineDefinition definition = YamlTreeLoader.load(yamlText, problems)
                .flatMap(this::topLevelMapping)
                .map(root -> readDefinition(MappingReader.forDocument(root, environment, problems)))
                .orElse(null);
        problems.throwIfAny(source);
        return definition;
    }

    /** The document as a mapping of sections; empty (a problem recorded) if it is anything else. */
    private Optional<ObjectNode> topLevelMapping(JsonNode document) {
        if (document.isObject()) {
            return Optional.of((ObjectNode) document);
        }
        problems.addDocumentProblem(document.isNull()
                ? "the definition is empty; expected the sections pipeline, source, and warehouse and/or kafka"
                : "expected a mapping of sections (pipeline, source, ...) at the top level, got "
                        + (document.isArray() ? "a list" : "a single value"));
        return Optional.empty();
    }

    /**
     * The whole definition, or {@code null} if any problem was found. The same holds for each
     * {@code read<Section>} method: {@code null} for a section with problems (so {@code Optional.map}
     * gives empty), never seen by a caller because {@link #read} then throws.
     */
    private PipelineDefinition readDefinition(MappingReader root) {
        PipelineSettings pipeline = root.requiredSection("pipeline", "with at least name")
                .map(this::readPipeline).orElse(null);
        List<SourceSettings> sources = readSources(root, pipeline);
        boolean severalSources = sources != null && sources.size() > 1;
        Optional<WarehouseSettings> warehouse = root.section("warehouse").map(section -> readWarehouse(section, severalSources));
        Optional<KafkaSettings> kafka = root.section("kafka").map(section -> readKafka(section, severalSources));
        DedupSettings dedup = readDedup(root.sectionOrEmpty("dedup"));
        FlinkSettings flink = readFlink(root.sectionOrEmpty("flink"));
        List<TransformSettings> transforms = root.sectionList("transforms").stream().map(this::readTransform).toList();
        List<FeatureViewSettings> features = root.sectionList("features").stream().map(this::readFeatureView).toList();
        requireDistinctViewNames(root, features);
        root.reportUnknownKeys();

        if (!root.contains("warehouse") && !root.contains("kafka")) {
            problems.add("warehouse, kafka", "expected at least one of these sink sections, got neither");
        }
        return problems.isEmpty()
                ? new PipelineDefinition(pipeline, sources, warehouse, kafka, dedup, flink, transforms, features)
                : null;
    }

    private PipelineSettings readPipeline(MappingReader section) {
        String name = section.required("name", PIPELINE_NAME);
        int parallelism = section.optional("parallelism", AT_LEAST_ONE, 1);
        SchemaChangeMode schemaChanges =
                section.optional("schema-changes", ValueFormat.oneOf(SchemaChangeMode.class), SchemaChangeMode.EVOLVE);
        section.reportUnknownKeys();
        return section.hasProblems() ? null : new PipelineSettings(name, parallelism, schemaChanges);
    }

    /** {@code source:} (one) or {@code sources:} (a list); {@code null} if there is a problem. */
    private List<SourceSettings> readSources(MappingReader root, PipelineSettings pipeline) {
        boolean one = root.contains("source");
        boolean several = root.contains("sources");
        if (one && several) {
            problems.add("source, sources", "expected one of these sections, got both");
            return null;
        }
        Optional<MappingReader> single = several ? Optional.empty() : root.requiredSection("source",
                "with at least type, hostname, username, password and tables; or sources: a list of such sections");
        List<MappingReader> listed = root.sectionList("sources");
        List<MappingReader> sections = several ? listed : single.stream().toList();
        List<SourceSettings> sources = new ArrayList<>();
        for (MappingReader section : sections) {
            sources.add(readSource(section, pipeline));
        }
        if (sources.contains(null) || sources.isEmpty()) {
            return null;
        }
        requireDistinctNames(sources, sections);
        return sources;
    }

    private SourceSettings readSource(MappingReader section, PipelineSettings pipeline) {
        // With a bad type, the keys are still read as MySQL's, so that all their problems are reported too.
        SourceType type = Optional.ofNullable(section.required("type", ValueFormat.oneOf(SourceType.class)))
                .orElse(SourceType.MYSQL);
        String name = section.optional("name", SOURCE_NAME, type.defaultSourceName());
        SourceSettings source = type == SourceType.POSTGRES
                ? readPostgresSource(section, name, pipeline)
                : readMySqlSource(section, name, type, pipeline);
        section.reportUnknownKeys();
        return section.hasProblems() ? null : source;
    }

    private MySqlSourceSettings readMySqlSource(MappingReader section, String name, SourceType type, PipelineSettings pipeline) {
        String hostname = section.required("hostname", HOST_NAME);
        int port = section.optional("port", PORT, 3306);
        String username = section.required("username", USER_NAME);
        Secret password = section.requiredSecret("password");
        List<TablePattern> tables = section.requiredList("tables", TABLE_PATTERN);
        ServerIdRange serverId = section.optional("server-id", SERVER_ID, new ServerIdRange(5400, 5431));
        ZoneId serverTimeZone = section.optional("server-time-zone", ValueFormat.zoneId(), ZoneId.of("UTC"));
        StartupMode startupMode =
                section.optional("startup-mode", ValueFormat.oneOf(StartupMode.class), StartupMode.INITIAL);
        int snapshotChunkSize = section.optional("snapshot-chunk-size", AT_LEAST_ONE, 8096);
        Map<String, String> debeziumProperties = section.prefixedProperties("debezium.");
        Map<String, String> jdbcProperties = section.prefixedProperties("jdbc.properties.");
        if (pipeline != null) {
            checkServerIdsCoverParallelism(section, serverId, pipeline.parallelism());
        }
        return section.hasProblems() ? null : new MySqlSourceSettings(name, type, hostname, port, username, password,
                tables, serverId, serverTimeZone, startupMode, snapshotChunkSize, debeziumProperties, jdbcProperties);
    }

    private PostgresSourceSettings readPostgresSource(MappingReader section, String name, PipelineSettings pipeline) {
        String hostname = section.required("hostname", HOST_NAME);
        int port = section.optional("port", PORT, 5432);
        String username = section.required("username", USER_NAME);
        Secret password = section.requiredSecret("password");
        String database = section.required("database", DATABASE_NAME);
        List<TablePattern> tables = section.requiredList("tables", TABLE_PATTERN);
        String defaultSlot = pipeline == null ? "" : PostgresSourceSettings.defaultSlotName(pipeline.name(), name);
        String slotName = section.optional("slot-name", SLOT_NAME, defaultSlot);
        String publicationName = section.optional("publication-name", SLOT_NAME, slotName);
        StartupMode startupMode =
                section.optional("startup-mode", ValueFormat.oneOf(StartupMode.class), StartupMode.INITIAL);
        int snapshotChunkSize = section.optional("snapshot-chunk-size", AT_LEAST_ONE, 8096);
        Duration heartbeatInterval = section.optional("heartbeat-interval", POSITIVE_DURATION, Duration.ofSeconds(30));
        Map<String, String> debeziumProperties = section.prefixedProperties("debezium.");
        Map<String, String> jdbcProperties = section.prefixedProperties("jdbc.properties.");
        if (slotName.length() > 63) {
            section.addProblem("slot-name", "expected at most 63 characters; the default '" + slotName
                    + "' is longer, so set slot-name (and publication-name) explicitly");
        }
        return section.hasProblems() ? null : new PostgresSourceSettings(name, SourceType.POSTGRES, hostname, port,
                username, password, database, tables, slotName, publicationName, startupMode, snapshotChunkSize,
                heartbeatInterval, debeziumProperties, jdbcProperties);
    }

    /** Source names are part of table and topic names: two sources with one name would share them. */
    private void requireDistinctNames(List<SourceSettings> sources, List<MappingReader> sections) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            if (!seen.add(sources.get(i).name())) {
                sections.get(i).addProblem("name", "expected a name no other source has, got '" + sources.get(i).name()
                        + "' again (give each source its own name)");
            }
        }
    }

    private WarehouseSettings readWarehouse(MappingReader section, boolean severalSources) {
        String url = section.required("url", JDBC_URL);
        String username = section.required("username", USER_NAME);
        Secret password = section.requiredSecret("password");
        String schema = section.optional("schema", SCHEMA, "public");
        String tableName = section.optional("table-name", NAME_TEMPLATE,
                severalSources ? "{source}_{database}_{table}" : "{database}_{table}");
        DeleteMode deleteMode = section.optional("delete-mode", ValueFormat.oneOf(DeleteMode.class), DeleteMode.SOFT);
        int batchSize = section.optional("batch-size", AT_LEAST_ONE, 500);
        Duration flushInterval = section.optional("flush-interval", POSITIVE_DURATION, Duration.ofSeconds(1));
        int maxRetries = section.optional("max-retries", AT_LEAST_ZERO, 3);
        section.reportUnknownKeys();
        return section.hasProblems() ? null : new WarehouseSettings(url, username, password, schema, tableName,
                deleteMode, batchSize, flushInterval, maxRetries);
    }

    private KafkaSettings readKafka(MappingReader section, boolean severalSources) {
        String bootstrapServers = section.required("bootstrap-servers", BOOTSTRAP_SERVERS);
        String topic = section.optional("topic", NAME_TEMPLATE,
                severalSources ? "{pipeline}.{source}.{database}.{table}" : "{pipeline}.{database}.{table}");
        Delivery delivery = section.optional("delivery", ValueFormat.oneOf(Delivery.class), Delivery.EXACTLY_ONCE);
        Duration transactionTimeout =
                section.optional("transaction-timeout", POSITIVE_DURATION, BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT);
        int topicPartitions = section.optional("topic-partitions", AT_LEAST_ONE, 1);
        String deadLetterTopic = section.optional("dead-letter-topic", PIPELINE_TEMPLATE, "{pipeline}.dead-letters");
        Map<String, String> properties = section.prefixedProperties("properties.");
        section.reportUnknownKeys();

        boolean transactional = delivery == Delivery.EXACTLY_ONCE;
        if (transactional && transactionTimeout.compareTo(BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT) > 0) {
            section.addProblem("transaction-timeout", "expected at most 15min with delivery exactly-once, because Kafka"
                    + " brokers refuse longer transactions unless their transaction.max.timeout.ms (default 15min)"
                    + " is raised, got " + TimeUtils.formatWithHighestUnit(transactionTimeout));
        }
        // Each of these has its own key above; accepting both would leave two answers to one question.
        refuseProperty(section, properties, "bootstrap.servers", "bootstrap-servers");
        refuseProperty(section, properties, "transaction.timeout.ms", "transaction-timeout");
        if (properties.containsKey("max.request.size")) {
            // The pipeline reads it too: records above it go to the dead letters instead of failing the producer.
            section.validate("properties.max.request.size", properties.get("max.request.size"), MAX_REQUEST_SIZE);
        }
        return section.hasProblems() ? null : new KafkaSettings(bootstrapServers, topic, delivery,
                transactionTimeout, topicPartitions, deadLetterTopic, properties);
    }

    private DedupSettings readDedup(MappingReader section) {
        Duration stateTtl = section.optional("state-ttl", POSITIVE_DURATION, Duration.ofDays(7));
        section.reportUnknownKeys();
        return section.hasProblems() ? null : new DedupSettings(stateTtl);
    }

    private TransformSettings readTransform(MappingReader section) {
        TablePattern sourceTable = section.required("source-table", TABLE_PATTERN);
        String source = section.optional("source", SOURCE_NAME, null);
        String filter = section.optional("filter", EXPRESSION, null);
        Map<String, String> computed = section.namedValues("computed-columns", EXPRESSION);
        Map<String, MaskMethod> masks = section.namedValues("mask-columns", ValueFormat.oneOf(MaskMethod.class));
        Secret salt = section.optionalSecret("mask-salt");
        MappingReader normalize = section.sectionOrEmpty("normalize");
        boolean timestampsToUtc = normalize.optional("timestamps", ValueFormat.oneOf(TimestampNormalization.class),
                TimestampNormalization.KEEP) == TimestampNormalization.UTC;
        ZoneId timeZone = normalize.optional("time-zone", ValueFormat.zoneId(), ZoneId.of("UTC"));
        boolean decimalsAsText = normalize.optional("decimals", ValueFormat.oneOf(DecimalNormalization.class),
                DecimalNormalization.NUMBER) == DecimalNormalization.TEXT;
        normalize.reportUnknownKeys();
        List<String> keep = section.optionalList("keep-columns", COLUMN_NAME);
        List<String> drop = section.optionalList("drop-columns", COLUMN_NAME);
        Map<String, String> rename = section.namedValues("rename-columns", COLUMN_NAME);
        section.reportUnknownKeys();
        if (!keep.isEmpty() && !drop.isEmpty()) {
            section.addProblem("keep-columns", "expected keep-columns or drop-columns, got both");
        }
        if (masks.containsValue(MaskMethod.HASH) && (salt == null || salt.value().isEmpty())) {
            section.addProblem("mask-salt", "required (and not empty) when a column is masked with hash: without a"
                    + " secret salt, hashes of personal data can be reversed by hashing guesses; write ${VARIABLE}");
        }
        return section.hasProblems() || normalize.hasProblems() ? null : new TransformSettings(sourceTable, source,
                filter, computed, masks, salt, timestampsToUtc, timeZone, decimalsAsText, keep, drop, rename);
    }

    private FeatureViewSettings readFeatureView(MappingReader section) {
        String name = section.required("name", VIEW_NAME);
        TablePattern sourceTable = section.required("source-table", TABLE_PATTERN);
        String source = section.optional("source", SOURCE_NAME, null);
        String entity = section.required("entity", COLUMN_NAME);
        String eventTime = section.optional("event-time", COLUMN_NAME, null);
        ZoneId timeZone = section.optional("time-zone", ValueFormat.zoneId(), ZoneId.of("UTC"));
        List<FeatureWindow> windows = section.requiredList("windows", WINDOW);
        Duration allowedLateness = section.optional("allowed-lateness", NON_NEGATIVE_DURATION, null);
        List<AggregateSettings> aggregates = section.sectionList("aggregates").stream().map(this::readAggregate).toList();
        if (!section.contains("aggregates")) {
            section.addProblem("aggregates", "required key is missing (a list of {name, function, column})");
        }
        section.reportUnknownKeys();
        if (aggregates.contains(null) || section.hasProblems() || aggregates.isEmpty()) {
            return null;
        }
        requireDistinct(section, "aggregates", aggregates.stream().map(AggregateSettings::name).toList());
        requireDistinct(section, "windows", windows.stream().map(FeatureWindow::label).toList());
        if (section.hasProblems()) {
            return null;
        }
        Duration longest = windows.stream().map(FeatureWindow::length).max(Duration::compareTo).orElseThrow();
        return new FeatureViewSettings(name, sourceTable, source, entity, eventTime, timeZone, windows,
                allowedLateness == null ? longest : allowedLateness, aggregates);
    }

    private AggregateSettings readAggregate(MappingReader section) {
        String name = section.required("name", VIEW_NAME);
        AggregateFunction function = section.required("function", ValueFormat.oneOf(AggregateFunction.class));
        String column = section.optional("column", COLUMN_NAME, null);
        section.reportUnknownKeys();
        if (function != null && function.needsColumn() && column == null) {
            section.addProblem("column", "required by function " + ValueFormat.configName(function)
                    + " (the column it aggregates)");
        }
        return section.hasProblems() ? null : new AggregateSettings(name, function, column);
    }

    private static void requireDistinct(MappingReader section, String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        names.stream().filter(name -> !seen.add(name)).distinct().forEach(repeated ->
                section.addProblem(key, "expected distinct names, got '" + repeated + "' twice"));
    }

    private void requireDistinctViewNames(MappingReader root, List<FeatureViewSettings> views) {
        Set<String> seen = new HashSet<>();
        views.stream().filter(Objects::nonNull).map(FeatureViewSettings::name).filter(name -> !seen.add(name))
                .distinct().forEach(repeated -> root.addProblem("features",
                        "expected a distinct name per feature view, got '" + repeated + "' twice"));
    }

    /** Passes every option through; checks only the ones this project reads itself. */
    private FlinkSettings readFlink(MappingReader section) {
        Map<String, String> options = section.allProperties();
        String interval = options.getOrDefault(CHECKPOINTING_INTERVAL, DEFAULT_CHECKPOINTING_INTERVAL);
        section.validate(CHECKPOINTING_INTERVAL, interval, POSITIVE_DURATION);
        if (options.containsKey(CHECKPOINTING_DIR)) {
            section.validate(CHECKPOINTING_DIR, options.get(CHECKPOINTING_DIR), CHECKPOINT_DIR);
        }
        for (FallbackKey deprecated : CheckpointingOptions.CHECKPOINTS_DIRECTORY.fallbackKeys()) {
            if (options.containsKey(deprecated.getKey())) {
                section.addProblem(deprecated.getKey(),
                        "deprecated name of " + CHECKPOINTING_DIR + "; use that key instead");
            }
        }
        return section.hasProblems() ? null : new FlinkSettings(options);
    }

    /** Each parallel source reader needs a server id of its own. */
    private static void checkServerIdsCoverParallelism(MappingReader section, ServerIdRange serverIds, int parallelism) {
        if (serverIds.size() < parallelism) {
            section.addProblem("server-id", "expected a range of at least " + parallelism
                    + " server ids (one per source reader, as pipeline.parallelism is " + parallelism + "), got '"
                    + serverIds + "' (" + serverIds.size() + (serverIds.size() == 1 ? " id)" : " ids)"));
        }
    }

    private static void refuseProperty(MappingReader section, Map<String, String> properties, String property,
            String replacementKey) {
        if (properties.containsKey(property)) {
            section.addProblem("properties." + property,
                    "not accepted as a pass-through property; set " + section.pathOf(replacementKey) + " instead");
        }
    }

    /** Every placeholder is a known one, and {table} is among them (else all tables would share one name). */
    private static boolean isNameTemplate(String template) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        boolean hasTable = false;
        while (placeholder.find()) {
            if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                return false;
            }
            hasTable |= placeholder.group(1).equals(TABLE_PLACEHOLDER);
        }
        return hasTable;
    }
}
