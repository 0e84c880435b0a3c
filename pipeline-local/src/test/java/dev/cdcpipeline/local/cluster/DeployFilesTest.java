package dev.cdcpipeline.local.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cdcpipeline.config.PipelineDefinition;
import dev.cdcpipeline.config.PipelineDefinitionParser;
import dev.cdcpipeline.local.cluster.DeployFiles.JobJar;
import dev.cdcpipeline.local.demo.ShopSchema;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * deploy/ cannot be started here (no Docker engine, no Kubernetes), so this checks what can be checked without
 * them: every file parses, the resources have what the Flink Kubernetes Operator and Docker Compose need, images
 * are Flink 1.20.3, jar names and paths match the build, the pipeline definitions are valid, the Flink settings
 * agree with deploy/flink/config.yaml (which StandaloneClusterITCase runs), and no file holds a password.
 */
class DeployFilesTest {

    private static final String FLINK_IMAGE = "flink:1.20.3-java17";
    private static final String PIPELINE_FILE = "/opt/pipeline/pipeline.yaml";
    private static final List<String> JOB_ARGUMENTS = List.of("run", PIPELINE_FILE);

    /** The settings every Flink cluster of deploy/ must share with the production configuration. */
    private static final List<String> SHARED_FLINK_SETTINGS = List.of(
            "state.backend.type",
            "execution.checkpointing.incremental",
            "execution.checkpointing.externalized-checkpoint-retention",
            "restart-strategy.type",
            "restart-strategy.failure-rate.max-failures-per-interval",
            "restart-strategy.failure-rate.failure-rate-interval",
            "restart-strategy.failure-rate.delay",
            "metrics.reporter.prom.factory.class",
            "metrics.reporter.prom.port");

    @Test
    void everyYamlFileParses() {
        assertThat(DeployFiles.yamlFiles()).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : DeployFiles.yamlFiles()) {
            assertThat(YamlDocuments.readAll(file)).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void theProductionConfigurationUsesRocksDbExactlyOnceBoundedRestartsAndPrometheus() {
        Map<String, String> flink = productionFlinkSettings();

        assertThat(flink).containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.incremental", "true")
                .containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE")
                .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")
                .containsEntry("metrics.reporter.prom.factory.class", "org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
                .containsEntry("metrics.reporter.prom.port", "9249")
                .containsKeys("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir");
        assertThat(flink.get("restart-strategy.type")).as("a restart strategy that gives up").isIn("failure-rate", "fixed-delay");
    }

    @Test
    void theApplicationDeploymentRunsTheJarFromTheImageAndUpgradesWithSavepoints() throws Exception {
        JsonNode deployment = applicationDeployment();
        JsonNode spec = deployment.path("spec");

        assertThat(deployment.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(spec.path("image").asText()).isNotBlank();
        assertThat(spec.path("job").path("jarURI").asText()).isEqualTo("local:///opt/flink/usrlib/" + JobJar.asBuilt().fileName());
        assertThat(texts(spec.path("job").path("args"))).isEqualTo(JOB_ARGUMENTS);
        assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(DeployFiles.dockerfileCopy()).containsExactly(
                "pipeline-jobs/target/" + JobJar.asBuilt().fileName(), "/opt/flink/usrlib/" + JobJar.asBuilt().fileName());
    }

    @Test
    void everyFlinkDeploymentHasStateStorageHighAvailabilityAndResources() {
        List<JsonNode> deployments = DeployFiles.kubernetesResources("FlinkDeployment");

        assertThat(deployments).hasSize(2);
        for (JsonNode deployment : deployments) {
            JsonNode spec = deployment.path("spec");
            String name = deployment.path("metadata").path("name").asText();
            assertThat(deployment.path("apiVersion").asText()).as(name).isEqualTo("flink.apache.org/v1beta1");
            assertThat(spec.path("flinkVersion").asText()).as(name).isEqualTo("v1_20");
            assertThat(spec.path("serviceAccount").asText()).as(name).isNotBlank();
            assertThat(fieldNames(spec.path("flinkConfiguration"))).as(name)
                    .contains("state.checkpoints.dir", "state.savepoints.dir", "high-availability.storageDir");
            assertThat(spec.path("flinkConfiguration").path("high-availability.type").asText()).as(name).isEqualTo("kubernetes");
            for (String process : List.of("jobManager", "taskManager")) {
                assertThat(fieldNames(spec.path(process).path("resource"))).as(name + " " + process).contains("memory", "cpu");
            }
        }
    }

    @Test
    void theSessionJobRunsTheJarOnTheSessionCluster() throws Exception {
        List<JsonNode> sessionJobs = DeployFiles.kubernetesResources("FlinkSessionJob");
        JsonNode sessionCluster = DeployFiles.kubernetesResources("FlinkDeployment").stream()
                .filter(deployment -> deployment.path("spec").path("job").isMissingNode())
                .findFirst().orElseThrow();

        assertThat(sessionJobs).hasSize(1);
        JsonNode spec = sessionJobs.get(0).path("spec");
        assertThat(spec.path("deploymentName").asText()).isEqualTo(sessionCluster.path("metadata").path("name").asText());
        assertThat(spec.path("job").path("jarURI").asText()).endsWith("/" + JobJar.asBuilt().fileName());
        assertThat(texts(spec.path("job").path("args"))).isEqualTo(JOB_ARGUMENTS);
        assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
    }

    /** main() runs in the JobManager: its pod must have the pipeline file and every variable that file refers to. */
    @Test
    void everyJobManagerMountsThePipelineAndGetsItsVariablesFromTheSecret() {
        JsonNode configMap = DeployFiles.kubernetesResources("ConfigMap").get(0);
        List<String> variables = DeployFiles.variableReferences(configMap.path("data").path("pipeline.yaml").asText());

        for (JsonNode deployment : DeployFiles.kubernetesResources("FlinkDeployment")) {
            JsonNode pod = deployment.path("spec").path("jobManager").path("podTemplate").path("spec");
            JsonNode container = pod.path("containers").get(0);
            String name = deployment.path("metadata").path("name").asText();

            assertThat(container.path("name").asText()).as(name).isEqualTo("flink-main-container");
            assertThat(pod.path("volumes").get(0).path("configMap").path("name").asText()).as(name)
                    .isEqualTo(configMap.path("metadata").path("name").asText());
            assertThat(container.path("volumeMounts").get(0).path("mountPath").asText()).as(name)
                    .isEqualTo(Path.of(PIPELINE_FILE).getParent().toString());
            Map<String, JsonNode> environment = stream(container.path("env"))
                    .collect(Collectors.toMap(variable -> variable.path("name").asText(), Function.identity()));
            for (String variable : variables) {
                assertThat(environment).as(name).containsKey(variable);
                assertThat(environment.get(variable).path("valueFrom").path("secretKeyRef").path("name").asText())
                        .as(name + " " + variable).isNotBlank();
            }
        }
    }

    @Test
    void composeRunsTheBuiltJarWithThePipelineAndItsVariables() throws Exception {
        JsonNode services = DeployFiles.compose().path("services");
        JsonNode submit = services.path("submit-pipeline");
        List<String> command = texts(submit.path("command"));
        Map<String, String> mounts = texts(submit.path("volumes")).stream()
                .map(volume -> volume.split(":"))
                .collect(Collectors.toMap(volume -> volume[1], volume -> volume[0]));

        assertThat(command).containsSubsequence("flink", "run", "-d").endsWith(mounts.keySet().stream()
                .filter(target -> target.endsWith(".jar")).findFirst().orElseThrow(), "run", PIPELINE_FILE);
        Path composeDirectory = DeployFiles.root().resolve("docker-compose");
        Path jar = composeDirectory.resolve(mounts.get("/opt/pipeline/" + JobJar.asBuilt().fileName())).normalize();
        assertThat(jar).isEqualTo(BuildOutputs.repositoryRoot().resolve("pipeline-jobs/target/" + JobJar.asBuilt().fileName()).normalize());
        assertThat(composeDirectory.resolve(mounts.get(PIPELINE_FILE)).normalize()).isEqualTo(composeDirectory.resolve("pipeline.yaml"));
        assertThat(fieldNames(submit.path("environment")))
                .containsAll(DeployFiles.variableReferences(DeployFiles.read(composeDirectory.resolve("pipeline.yaml"))));
    }

    @Test
    void theMainClassOfTheJarIsTheJobsEntryPoint() throws Exception {
        assertThat(JobJar.asBuilt()).isEqualTo(new JobJar("pipeline-jobs.jar", "dev.cdcpipeline.jobs.JobMain"));
    }

    @Test
    void theShippedPipelineDefinitionsAreValid() {
        String configMapPipeline = DeployFiles.kubernetesResources("ConfigMap").get(0).path("data").path("pipeline.yaml").asText();
        String composePipeline = DeployFiles.read(DeployFiles.root().resolve("docker-compose/pipeline.yaml"));

        for (String yaml : List.of(configMapPipeline, composePipeline)) {
            Map<String, String> environment = DeployFiles.variableReferences(yaml).stream()
                    .collect(Collectors.toMap(Function.identity(), variable -> "dummy-value"));
            PipelineDefinition definition = PipelineDefinitionParser.parse(yaml, environment);
            assertThat(definition.pipeline().name()).isEqualTo("shop-mirror");
            assertThat(definition.flink().options()).doesNotContainKey("execution.state-recovery.path");
        }
    }

    @Test
    void everyFlinkImageIsFlink1203() {
        List<String> images = new ArrayList<>();
        DeployFiles.compose().path("services").forEach(service -> images.add(service.path("image").asText()));
        DeployFiles.kubernetesResources("FlinkDeployment").forEach(deployment -> images.add(deployment.path("spec").path("image").asText()));
        images.add(DeployFiles.dockerfileBaseImage());

        assertThat(images).filteredOn(image -> image.startsWith("flink:")).hasSizeGreaterThanOrEqualTo(6).containsOnly(FLINK_IMAGE);
        assertThat(images).contains("apache/kafka:3.9.1", "postgres:15").anyMatch(image -> image.startsWith("mysql:8"));
    }

    @Test
    void everyFlinkClusterSharesTheProductionSettings() {
        Map<String, String> production = productionFlinkSettings();
        Map<String, Map<String, String>> clusters = new LinkedHashMap<>();
        for (String service : List.of("jobmanager", "taskmanager")) {
            clusters.put("compose " + service, YamlDocuments.flinkOptions(YamlDocuments.read(
                    DeployFiles.compose().path("services").path(service).path("environment").path("FLINK_PROPERTIES").asText())));
        }
        for (JsonNode deployment : DeployFiles.kubernetesResources("FlinkDeployment")) {
            clusters.put("FlinkDeployment " + deployment.path("metadata").path("name").asText(),
                    YamlDocuments.flinkOptions(deployment.path("spec").path("flinkConfiguration")));
        }

        clusters.forEach((cluster, settings) -> {
            for (String key : SHARED_FLINK_SETTINGS) {
                assertThat(settings.get(key)).as(cluster + " " + key).isEqualTo(production.get(key));
            }
        });
    }

    @Test
    void theComposeInitScriptCreatesTheDemoShopWithALeastPrivilegeUser() {
        Path init = DeployFiles.root().resolve("docker-compose/mysql-init");

        assertThat(normalized(DeployFiles.read(init.resolve("01-shop-schema.sql")))).contains(normalized(ShopSchema.CREATE));
        assertThat(DeployFiles.read(init.resolve("02-cdc-user.sh")))
                .contains("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'cdc'@'%'")
                .contains("BY '${MYSQL_CDC_PASSWORD}'");
    }

    /**
     * A value given to anything named like a password must be a reference to a variable ({@code ${NAME}} in
     * compose, pipeline files and SQL run by a shell, {@code $NAME} in commands) or come from a Kubernetes
     * {@code secretKeyRef}; .env.example holds only placeholders. Comments are not values.
     */
    @Test
    void noFileHoldsALiteralPassword() {
        Pattern assignment = Pattern.compile("(?i)([\\w.-]*pass(?:word|wd)?[\\w.-]*)[\"']?\\s*[:=]\\s*(.*)$");
        Pattern identifiedBy = Pattern.compile("(?i)IDENTIFIED\\s+(?:WITH\\s+\\S+\\s+)?BY\\s+(\\S+)");
        List<String> literals = new ArrayList<>();
        for (Path file : DeployFiles.all()) {
            boolean example = file.getFileName().toString().endsWith(".example");
            DeployFiles.read(file).lines().filter(line -> !isComment(line)).forEach(line -> {
                Matcher value = assignment.matcher(line);
                if (value.find() && !isReference(value.group(2), example)) {
                    literals.add(file + ": " + line.strip());
                }
                Matcher sql = identifiedBy.matcher(line);
                if (sql.find() && !sql.group(1).startsWith("'${")) {
                    literals.add(file + ": " + line.strip());
                }
            });
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void theDashboardIsGrafanaJsonOnAPrometheusDatasourceVariable() throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.read(DeployFiles.root());
        JsonNode datasource = stream(dashboard.json().path("templating").path("list"))
                .filter(variable -> variable.path("type").asText().equals("datasource")).findFirst().orElseThrow();

        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
        assertThat(dashboard.panels()).filteredOn(panel -> !panel.path("type").asText().equals("row")).isNotEmpty()
                .allSatisfy(panel -> {
                    assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${" + datasource.path("name").asText() + "}");
                    assertThat(panel.path("targets")).isNotEmpty();
                });
    }

    @Test
    void theDashboardShowsThePipelinesFlinksAndTheJvmsMetrics() throws Exception {
        assertThat(GrafanaDashboard.read(DeployFiles.root()).metricNames()).contains(
                "flink_taskmanager_job_task_operator_dedup_eventsIn",
                "flink_taskmanager_job_task_operator_dedup_eventsOut",
                "flink_taskmanager_job_task_operator_dedup_snapshotRowsIn",
                "flink_taskmanager_job_task_operator_dedup_staleDropped",
                "flink_taskmanager_job_task_operator_dedup_noOpUpdatesDropped",
                "flink_taskmanager_job_task_operator_dedup_sourceLagMillis",
                "flink_taskmanager_job_task_operator_dedup_table_eventsIn",
                "flink_taskmanager_job_task_operator_dedup_table_eventsOut",
                "flink_taskmanager_job_task_operator_transform_deadLetters",
                "flink_taskmanager_job_task_operator_features_view_deadLetters",
                "flink_taskmanager_job_task_operator_features_view_recordsOut",
                "flink_taskmanager_job_task_operator_warehouse_writeLatencyMillis",
                "flink_taskmanager_job_task_operator_warehouse_deadLetters",
                "flink_taskmanager_job_task_operator_kafka_deadLetters",
                "flink_taskmanager_job_task_operator_source_deadLetters",
                "flink_taskmanager_job_task_operator_warehouse_rowsWritten",
                "flink_taskmanager_job_task_operator_warehouse_lastWriteLatencyMillis",
                "flink_jobmanager_job_lastCheckpointDuration",
                "flink_jobmanager_job_lastCheckpointSize",
                "flink_jobmanager_job_numRestarts",
                "flink_taskmanager_job_task_operator_numRecordsIn",
                "flink_taskmanager_Status_JVM_Memory_Heap_Used");
    }

    /** StandaloneClusterITCase checks every queried metric on a live cluster; this, without one, those of our code. */
    @Test
    void everyPipelineMetricTheDashboardQueriesIsOneTheDedupOperatorRegisters() throws Exception {
        List<String> pipelineMetrics = GrafanaDashboard.read(DeployFiles.root()).metricNames().stream()
                .filter(name -> name.startsWith(DedupMetricNames.OPERATOR_SCOPE + "dedup_")).toList();

        assertThat(pipelineMetrics).isNotEmpty();
        assertThat(DedupMetricNames.registeredByTheDedupOperator()).containsAll(pipelineMetrics);
    }

    private static boolean isReference(String value, boolean exampleFile) {
        String unquoted = value.strip().replaceAll("^[\"']|[\"']$", "");
        return unquoted.isEmpty()
                || unquoted.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?}")
                || unquoted.matches("\\$[A-Za-z_][A-Za-z0-9_]*")
                || (exampleFile && unquoted.startsWith("change-me"));
    }

    private static boolean isComment(String line) {
        String stripped = line.strip();
        return stripped.startsWith("#") || stripped.startsWith("--") || stripped.startsWith("//");
    }

    private static JsonNode applicationDeployment() {
        return DeployFiles.kubernetesResources("FlinkDeployment").stream()
                .filter(deployment -> !deployment.path("spec").path("job").isMissingNode())
                .findFirst().orElseThrow();
    }

    private static Map<String, String> productionFlinkSettings() {
        return YamlDocuments.flinkOptions(YamlDocuments.readAll(DeployFiles.root().resolve("flink/config.yaml")).get(0));
    }

    private static String normalized(String sql) {
        return sql.replaceAll("\\s+", " ").strip();
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
