package dev.flightdeck.config;

import dev.flightdeck.alarms.MetricRef;
import dev.flightdeck.alarms.SloSeries;
import dev.flightdeck.alarms.SloSettings;
import dev.flightdeck.deploy.AlertSettings;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;

/** The team-file keys of alerts, logs and error budgets (DESIGN section 13). */
class AlertKeysRulesTest {

    private static final String S = "flightdeck.yml: flightdeck.services.commons.";
    private static final String TEAM = TeamConfigs.STAGING_AND_PROD + TeamConfigs.COMMONS;

    private static String service(String extra) {
        return TEAM + extra.indent(6);
    }

    private static ServiceConfig commons(String extra) {
        return valid(service(extra)).service("commons").orElseThrow();
    }

    private static String prod(String extra) {
        return TEAM.replace("      approvers: [\"@release-managers\"]\n",
                "      approvers: [\"@release-managers\"]\n" + extra.indent(6));
    }

    @Test
    void environmentsPostAlarmsToTheirChannelAtSev2UnlessTheTeamFileSaysOtherwise() {
        TeamConfig defaults = valid(TEAM);
        assertThat(defaults.environment("prod").orElseThrow().alerts()).isEqualTo(AlertSettings.DEFAULTS);
        AlertSettings set = valid(prod("alerts-channel: \"#alerts\"\nalert-severity: sev1\nalert-nudge-after: 5m\n"
                + "alarm-flap-window: 30m\n")).environment("prod").orElseThrow().alerts();
        assertThat(set.channel().orElseThrow().toString()).contains("alerts");
        assertThat(set.severity()).isEqualTo(Severity.SEV1);
        assertThat(set.nudgeAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(set.flapWindow()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void badAlertSettingsAreNamed() {
        String e = "flightdeck.yml: flightdeck.environments.prod.";
        assertThat(errors(prod("alert-severity: critical\n"))).containsExactly(
                e + "alert-severity: must be one of sev1, sev2, sev3, sev4, got \"critical\"");
        assertThat(errors(prod("alert-nudge-after: 10s\n"))).containsExactly(
                e + "alert-nudge-after: must be at least 1m: an unacknowledged alarm pings people again after this");
        assertThat(errors(prod("alarm-flap-window: 2d\n"))).containsExactly(
                e + "alarm-flap-window: must be at most 24h: an alarm back after that is a new episode");
    }

    @Test
    void runbookLogsAndSloOfAService() {
        ServiceConfig s = commons("""
                runbook: https://wiki.example.com/runbooks/commons
                logs: { groups: ["/ecs/commons-{env}"] }
                slo:
                  objective: 99.9%
                  window: 28d
                  good: { namespace: AWS/ApplicationELB, metric: HTTPCode_Target_2XX_Count, dimensions: { LoadBalancer: "app/commons-{env}/1" } }
                  total: { namespace: AWS/ApplicationELB, metric: RequestCount, dimensions: { LoadBalancer: "app/commons-{env}/1" } }
                """);
        assertThat(s.runbook()).contains(URI.create("https://wiki.example.com/runbooks/commons"));
        assertThat(s.logs().orElseThrow().groupsFor("prod")).containsExactly("/ecs/commons-prod");
        SloSettings slo = s.slo().orElseThrow();
        assertThat(slo.objective()).isEqualTo(0.999);
        assertThat(slo.window()).isEqualTo(Duration.ofDays(28));
        assertThat(slo.forEnv("prod").total()).isEqualTo(new SloSeries.One(new MetricRef("AWS/ApplicationELB",
                "RequestCount", Map.of("LoadBalancer", "app/commons-prod/1"), "Sum")));
    }

    @Test
    void badRunbookLogsAndSloAreNamed() {
        assertThat(errors(service("runbook: wiki/commons\n"))).containsExactly(
                S + "runbook: must be an http:// or https:// URL, got \"wiki/commons\"");
        assertThat(errors(service("logs: { groups: [] }\n"))).containsExactly(
                S + "logs.groups: is required: the CloudWatch Logs groups to search, e.g. [\"/ecs/commons-{env}\"]");
        assertThat(errors(service("slo: { objective: 100%, good: { namespace: N, metric: G }, total: { namespace: N, metric: T } }\n")))
                .containsExactly(S + "slo.objective: must be a percentage between 0 and 100 like 99.9%, got \"100%\"");
        assertThat(errors(service("slo: { objective: 99%, window: 365d, good: { namespace: N, metric: G }, total: { metric: T } }\n")))
                .hasSize(2).anySatisfy(e -> assertThat(e).startsWith(S + "slo.window: must be between 1d and 90d"))
                .anySatisfy(e -> assertThat(e).startsWith(S + "slo.total.namespace: "));
    }

    @Test
    void sloIsAGateAndTheAlertsTestOverlayIsAValidTeamFile() throws Exception {
        assertThat(Gate.parse("slo")).contains(Gate.SLO);
        ParseResult both = TeamConfigParser.parseSources(List.of(
                new TeamConfigParser.Source("flightdeck.example.yml", Files.readString(Path.of("flightdeck.example.yml"))),
                new TeamConfigParser.Source("alerts.yml", Files.readString(Path.of("src/test/resources/teamconfig/alerts.yml")))));
        assertThat(both).isInstanceOf(ParseResult.Valid.class);
        TeamConfig team = ((ParseResult.Valid) both).config();
        assertThat(team.environment("prod").orElseThrow().hasGate(Gate.SLO)).isTrue();
        assertThat(team.service("shop").orElseThrow().slo()).isPresent();
    }
}
