package dev.flightdeck.ops;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.testing.Fault;
import dev.flightdeck.testing.TestApp;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flightdeck.ops.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/prometheus and deploy/grafana: the rules parse, every metric they and the dashboard read is one the running
 * service exports at /prometheus, and every alert links to a section of the runbook.
 */
class MonitoringFilesTest {

    // Series Prometheus makes itself when it scrapes, not the service.
    private static final Set<String> SCRAPE_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "by", "without",
            "rate", "irate", "increase", "absent", "or", "and", "unless", "on", "ignoring", "group_left",
            "group_right", "histogram_quantile", "topk", "bottomk", "humanize", "humanizeDuration", "offset", "bool");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    static String scrape;

    @BeforeAll
    static void exerciseTheAppAndScrapeIt() throws Exception {
        TestApp app = TestApp.shared();
        HttpClient http = HttpClient.newHttpClient();
        // Counters appear on first use: a command, the probes, and a Slack call that is rate limited once.
        app.signed().slashCommand("/deploy", "help", "U0ALICE001", "C0METRICS1", app.slack.responseUrl()).send(app.uri());
        for (String probe : List.of("/health/liveness", "/health/readiness")) {
            http.send(HttpRequest.newBuilder(app.uri().resolve(probe)).build(), HttpResponse.BodyHandlers.discarding());
        }
        app.slack.failNext("chat.postMessage", Fault.rateLimited(Duration.ofSeconds(1)));
        app.bean(SlackGateway.class).postMessage(ChatPostMessageRequest.builder().channel("C0METRICS1")
                .text("metrics check").build()).get(20, TimeUnit.SECONDS);
        scrape = http.send(HttpRequest.newBuilder(app.uri().resolve("/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void everyRulesDocumentParsesAndEveryAlertHasAnExpressionSeverityAndRunbook() {
        List<Map<String, Object>> rules = alertRules();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
        Set<String> headings = runbookAnchors();
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            assertThat(rule).as(name).containsKeys("expr", "labels", "annotations");
            assertThat((String) at(rule, "labels", "severity")).as(name).isNotBlank();
            String runbook = at(rule, "annotations", "runbook_url");
            assertThat(runbook).as(name).contains("docs/RUNBOOK.md#");
            assertThat(headings).as(name + " links to a runbook section").contains(runbook.substring(runbook.indexOf('#') + 1));
        }
        // The alerts an operator needs: slow acks, failing or rate-limited Slack calls, failed build triggers,
        // reminders, failing health checks, an exhausted connection pool.
        String all = rules.toString();
        assertThat(all).contains("flightdeck_slack_ack_seconds", "flightdeck_slack_api_calls_total",
                "flightdeck_slack_api_retries_total{reason=\"ratelimited\"}", "to=\"trigger_failed\"",
                "flightdeck_incident_reminders_total", "/health/{selector}", "hikaricp_connections_timeout_total");
    }

    @Test
    void everyMetricTheRulesReadIsExportedByTheService() {
        List<String> exprs = alertRules().stream().map(r -> String.valueOf(r.get("expr"))).toList();
        Set<String> names = metricNames(exprs);
        // Guards the extraction itself: it must see the metrics, and nothing else, in a known expression.
        assertThat(names).contains("flightdeck_slack_ack_seconds", "flightdeck_deploy_transitions_total",
                "hikaricp_connections_timeout_total", "up").doesNotContain("sum", "instance", "method", "to");
        assertExported(names);
    }

    @Test
    void theDashboardIsGrafanaJsonAndEveryMetricItReadsIsExportedByTheService() {
        JsonObject dashboard = JsonParser.parseString(DeployFiles.read(DeployFiles.DASHBOARD)).getAsJsonObject();
        assertThat(dashboard.get("title").getAsString()).isEqualTo("Flightdeck");
        assertThat(dashboard.has("schemaVersion")).isTrue();
        List<String> exprs = new ArrayList<>();
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                exprs.add(target.getAsJsonObject().get("expr").getAsString());
            }
        }
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(8);
        assertExported(metricNames(exprs));
    }

    @Test
    void theLabelValuesTheRulesMatchOnAreOnesTheServiceExports() {
        assertThat(scrape).contains("flightdeck_deploy_transitions_total{to=\"trigger_failed\"}")
                .contains("flightdeck_slack_ack_seconds{type=\"command\",quantile=\"0.99\"}")
                .containsPattern("flightdeck_slack_api_retries_total\\{[^}]*reason=\"ratelimited\"")
                .containsPattern("flightdeck_incident_reminders_total\\{outcome=\"sent\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/health/\\{selector}\"");
    }

    private static void assertExported(Set<String> names) {
        Set<String> exported = exportedNames();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            if (!SCRAPE_SERIES.contains(name)) {
                assertThat(exported).as("metric " + name + " is exported at /prometheus").contains(name);
            }
        }
    }

    /** Metric names in PromQL: identifiers that are not functions, keywords, label names or label values. */
    static Set<String> metricNames(List<String> exprs) {
        Set<String> names = new LinkedHashSet<>();
        for (String expr : exprs) {
            String bare = expr.replaceAll("\\{[^}]*}", " ")          // label matchers
                    .replaceAll("\\[[^]]*]", " ")                        // range durations
                    .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ") // grouping labels
                    .replaceAll("\"[^\"]*\"", " ");
            Matcher m = IDENTIFIER.matcher(bare);
            while (m.find()) {
                String word = m.group();
                if (!PROMQL_WORDS.contains(word) && !Character.isDigit(word.charAt(0))) {
                    names.add(word);
                }
            }
        }
        return names;
    }

    private static Set<String> exportedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : DeployFiles.yamlFiles(DeployFiles.PROMETHEUS)) {
            for (Map<String, Object> doc : DeployFiles.documents(file)) {
                List<Map<String, Object>> groups = at(doc, "groups");
                for (Map<String, Object> group : groups) {
                    rules.addAll(at(group, "rules"));
                }
            }
        }
        return rules;
    }

    /** GitHub's anchors for the runbook's headings: lower case, spaces to dashes, punctuation dropped. */
    private static Set<String> runbookAnchors() {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : DeployFiles.read(DeployFiles.RUNBOOK).split("\n")) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
