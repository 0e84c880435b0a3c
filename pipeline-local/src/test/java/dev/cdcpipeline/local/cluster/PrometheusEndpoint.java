package dev.cdcpipeline.local.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What a Prometheus server scrapes from a Flink process's reporter: lines of {@code name{labels} value}. */
final class PrometheusEndpoint {

    private PrometheusEndpoint() {}

    /**
     * The samples the endpoint exposes now, also written to {@code copy} so that a failed test can be
     * understood from what the cluster really exposed.
     */
    static List<String> scrape(URI endpoint, Path copy) throws IOException, InterruptedException {
        String text = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString())
                .body();
        Files.writeString(copy, text);
        return text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** The metric name of a sample line. */
    static String metricName(String sample) {
        return sample.split("[{ ]", 2)[0];
    }
}
