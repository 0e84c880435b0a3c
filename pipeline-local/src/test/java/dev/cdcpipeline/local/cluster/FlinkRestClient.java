package dev.cdcpipeline.local.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The calls of Flink's REST API that operating a pipeline takes: upload and run a jar, follow a job, stop it with
 * a savepoint, cancel it. An answer other than 2xx is an {@link UncheckedIOException} carrying Flink's error text
 * (for a jar whose main() failed, that is the pipeline's own message); unchecked, so calls fit in polled conditions.
 */
final class FlinkRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Running a jar waits for its main(), which checks the source and creates tables and topics first. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FlinkRestClient(URI base) {
        this.base = base;
    }

    /** {@code GET /overview}: the cluster's TaskManagers and slots. */
    JsonNode overview() {
        return send(request("/overview").GET());
    }

    /** {@code GET /jobs/overview}: every job of the cluster with its name and state. */
    JsonNode jobsOverview() {
        return send(request("/jobs/overview").GET());
    }

    /** {@code POST /jars/upload}; returns the jar's id for {@link #runJar}. */
    String uploadJar(Path jar) throws FileNotFoundException {
        String boundary = "----cdc-pipeline-" + UUID.randomUUID();
        BodyPublisher body = BodyPublishers.concat(
                BodyPublishers.ofString("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                        + "Content-Type: application/x-java-archive\r\n\r\n"),
                BodyPublishers.ofFile(jar),
                BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        JsonNode answer = send(request("/jars/upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body));
        // "filename" is the stored file's path; its name is the id
        return Path.of(answer.get("filename").asText()).getFileName().toString();
    }

    /**
     * {@code POST /jars/:id/run} with the manifest's main class; returns the job id. main() runs in the
     * JobManager, with the JobManager's environment variables.
     */
    String runJar(String jarId, List<String> programArguments) {
        JsonNode answer = send(postJson("/jars/" + jarId + "/run", Map.of("programArgsList", programArguments)));
        return answer.get("jobid").asText();
    }

    /** {@code GET /jobs/:id}: CREATED, RUNNING, FAILED, CANCELED, FINISHED ... */
    String jobState(String jobId) {
        return send(request("/jobs/" + jobId).GET()).get("state").asText();
    }

    /** The exception that failed or last restarted the job, if any. */
    Optional<String> rootException(String jobId) {
        JsonNode rootException = send(request("/jobs/" + jobId + "/exceptions").GET()).path("root-exception");
        return rootException.isTextual() ? Optional.of(rootException.asText()) : Optional.empty();
    }

    /**
     * What the web UI shows of a job besides its metrics, as JSON text: its execution configuration
     * ({@code /jobs/:id/config}), the JobManager configuration it runs with
     * ({@code /jobs/:id/jobmanager/config}) and its plan, with every operator's name ({@code /jobs/:id/plan}).
     */
    String jobAsShownInTheWebUi(String jobId) {
        return send(request("/jobs/" + jobId + "/config").GET()) + "\n"
                + send(request("/jobs/" + jobId + "/jobmanager/config").GET()) + "\n"
                + send(request("/jobs/" + jobId + "/plan").GET());
    }

    /** {@code GET /jobs/:id/checkpoints}: counts, the latest completed checkpoint, and what the job restored. */
    JsonNode checkpoints(String jobId) {
        return send(request("/jobs/" + jobId + "/checkpoints").GET());
    }

    /** {@code POST /jobs/:id/stop}: stop with a savepoint in {@code directory}; returns the trigger id to poll. */
    String stopWithSavepoint(String jobId, Path directory) {
        JsonNode answer = send(postJson("/jobs/" + jobId + "/stop",
                Map.of("targetDirectory", directory.toUri().toString(), "drain", false)));
        return answer.get("request-id").asText();
    }

    /** {@code GET /jobs/:id/savepoints/:trigger}: where a stop-with-savepoint stands. */
    SavepointOperation savepointOperation(String jobId, String triggerId) {
        JsonNode answer = send(request("/jobs/" + jobId + "/savepoints/" + triggerId).GET());
        JsonNode operation = answer.path("operation");
        return new SavepointOperation(
                answer.path("status").path("id").asText(),
                Optional.ofNullable(operation.get("location")).map(JsonNode::asText),
                Optional.ofNullable(operation.get("failure-cause")).map(JsonNode::toString));
    }

    /** {@code PATCH /jobs/:id?mode=cancel}. */
    void cancel(String jobId) {
        send(request("/jobs/" + jobId + "?mode=cancel").method("PATCH", BodyPublishers.noBody()));
    }

    record SavepointOperation(String status, Optional<String> location, Optional<String> failure) {
        boolean completed() {
            return status.equals("COMPLETED");
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest.Builder postJson(String path, Object body) {
        try {
            return request(path)
                    .header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + request.uri(), e);
        }
    }
}
