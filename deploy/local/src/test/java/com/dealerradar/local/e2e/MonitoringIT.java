package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The alert rules and the Grafana dashboard under {@code deploy/monitoring} only help if the series
 * they query exist: every metric either names is exposed by a running service, labelled with it.
 */
@SharedStack
class MonitoringIT {

    private static final Path MONITORING = Path.of("../monitoring");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** PromQL's own words, which look like metric names but are not. */
    private static final Set<String> PROMQL = Set.of("max", "min", "sum", "avg", "count", "rate", "increase",
            "irate", "by", "without", "on", "ignoring", "and", "or", "unless", "histogram_quantile", "up");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static LocalStack stack;

    @BeforeAll
    static void join(LocalStack shared) {
        stack = shared;
    }

    @Test
    void everySeriesTheAlertsQueryIsExposed() throws IOException {
        List<String> expressions = new ArrayList<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(MONITORING.resolve("alerts.yml")));
        for (Map<String, Object> group : listOf(rules.get("groups"))) {
            for (Map<String, Object> rule : listOf(group.get("rules"))) {
                assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
                expressions.add(rule.get("expr").toString());
            }
        }
        assertExposed(metricsIn(expressions));
    }

    @Test
    void everySeriesTheDashboardShowsIsExposed() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(t -> expressions.add(t.get("expr").asString())));
        assertThat(expressions).isNotEmpty();
        assertExposed(metricsIn(expressions));
    }

    private static void assertExposed(Set<String> metrics) {
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag_max", "radar_kafka_dead_letters_total",
                "radar_outbox_backlog_age_seconds");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, String> scrapes = scrapes();
            scrapes.forEach((module, text) -> assertThat(text).as(module).contains("application=\"" + module + "\""));
            for (String metric : metrics) {
                assertThat(scrapes.values()).as("a service exposing %s", metric)
                        .anySatisfy(text -> assertThat(text).containsPattern("(?m)^" + metric + "[{ ]"));
            }
        });
    }

    private static Set<String> metricsIn(List<String> expressions) {
        Set<String> metrics = new TreeSet<>();
        for (String expression : expressions) {
            String bare = expression.replaceAll("(by|without)\\s*\\([^)]*\\)", " ")
                    .replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
            Matcher identifiers = IDENTIFIER.matcher(bare);
            while (identifiers.find()) {
                if (!PROMQL.contains(identifiers.group())) {
                    metrics.add(identifiers.group());
                }
            }
        }
        return metrics;
    }

    private static Map<String, String> scrapes() throws IOException, InterruptedException {
        Map<String, String> scrapes = new LinkedHashMap<>();
        for (String module : List.of("lead-service", "followup-service", "defeat-service", "analytics-service")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + stack.servicePort(module) + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(module).isEqualTo(200);
            scrapes.put(module, response.body());
        }
        return scrapes;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
