package dev.cdcpipeline.local.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/grafana/cdc-pipeline-dashboard.json, read as Grafana would: its panels and the PromQL they run. */
final class GrafanaDashboard {

    static final String PATH = "grafana/cdc-pipeline-dashboard.json";

    /** Flink's Prometheus reporter names every metric {@code flink_<scope>_<group>_<name>}. */
    private static final Pattern FLINK_METRIC = Pattern.compile("\\bflink_[A-Za-z0-9_]+");

    private final JsonNode dashboard;

    private GrafanaDashboard(JsonNode dashboard) {
        this.dashboard = dashboard;
    }

    static GrafanaDashboard read(Path deployDirectory) throws IOException {
        return new GrafanaDashboard(new ObjectMapper().readTree(deployDirectory.resolve(PATH).toFile()));
    }

    JsonNode json() {
        return dashboard;
    }

    /** Every panel, including those inside collapsed rows. */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        return panels;
    }

    /** Every PromQL expression: the panels' queries and the template variables' queries. */
    List<String> queries() {
        List<String> queries = new ArrayList<>();
        panels().forEach(panel -> panel.path("targets").forEach(target -> queries.add(target.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(variable -> {
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asText() : query.asText();
            if (text.contains("flink_")) {
                queries.add(text);
            }
        });
        return queries;
    }

    /** The Flink metrics the queries read. */
    Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String query : queries()) {
            Matcher matcher = FLINK_METRIC.matcher(query);
            while (matcher.find()) {
                names.add(matcher.group());
            }
        }
        return names;
    }
}
