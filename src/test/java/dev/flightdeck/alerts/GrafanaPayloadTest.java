package dev.flightdeck.alerts;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grafana alerting's webhook, from Grafana's own example, read and matched to the alerts app's team. */
class GrafanaPayloadTest {

    static final Instant RECEIVED = Instant.parse("2026-12-07T12:00:00Z");
    final TeamConfig team = MonitorPayloads.team();

    @Test
    void eachAlertOfGrafanasExampleIsReadWithItsFingerprintSummaryRunbookAndStart() throws Exception {
        List<Reading> readings = GrafanaPayload.read(MonitorPayloads.text(MonitorPayloads.GRAFANA), RECEIVED);

        assertThat(readings).hasSize(2);
        Reading.Reported memory = (Reading.Reported) readings.get(0);
        assertThat(memory.source()).isEqualTo("grafana");
        assertThat(memory.key()).isEqualTo("c6eadffa33fcdf37");
        assertThat(memory.name()).isEqualTo("High memory usage");
        assertThat(memory.state()).isEqualTo(AlertState.ALARM);
        assertThat(memory.reason()).isEqualTo("This alert was triggered for zone us-1");
        assertThat(memory.runbook()).contains(URI.create("https://myrunbook.com/runbook/1234"));
        // panelURL and dashboardURL are empty in the example: the rule's page is the link
        assertThat(memory.link()).contains(URI.create("https://play.grafana.org/alerting/1afz29v7z/edit"));
        assertThat(memory.at()).isEqualTo(Instant.parse("2021-10-12T07:51:03.157076Z"));
        assertThat(((Reading.Reported) readings.get(1)).name()).isEqualTo("High CPU usage");
    }

    @Test
    void theExampleNamesNoServiceOfTheTeamSoItsAlertsAreIgnoredSayingWhy() throws Exception {
        Reading.Reported memory = (Reading.Reported) GrafanaPayload.read(
                MonitorPayloads.text(MonitorPayloads.GRAFANA), RECEIVED).get(0);

        assertThat(AlertMatcher.match(memory, team)).isEqualTo(new AlertMatcher.Match.Unmatched("High memory usage",
                "no service matches: no service label, and its name names none of commons, billing, web, reports, shop, cart"));
    }

    @Test
    void labelsServiceAndEnvMatchTheTeamFilesServiceAndEnvironment() throws Exception {
        Reading.Reported r = (Reading.Reported) GrafanaPayload.read(
                MonitorPayloads.grafanaFor("shop", "prod", "f00d"), RECEIVED).get(0);

        Alert alert = ((AlertMatcher.Match.Matched) AlertMatcher.match(r, team)).alert();
        assertThat(alert.service()).isEqualTo("shop");
        assertThat(alert.environment()).isEqualTo("prod");
        assertThat(alert.key()).isEqualTo("f00d");
        assertThat(alert.name()).isEqualTo("High memory usage");
        assertThat(alert.state()).isEqualTo(AlertState.ALARM);
        // the alert's own runbook wins over the service's
        assertThat(alert.runbook()).contains(URI.create("https://myrunbook.com/runbook/1234"));
        assertThat(alert.graph()).isEmpty();
    }

    @Test
    void resolvedIsOkSinceItsEnd() throws Exception {
        Reading.Reported r = (Reading.Reported) GrafanaPayload.read(
                MonitorPayloads.grafanaResolved("shop", "staging", "f00e", "2021-10-12T10:01:03+02:00"), RECEIVED).get(0);

        assertThat(r.state()).isEqualTo(AlertState.OK);
        assertThat(r.at()).isEqualTo(Instant.parse("2021-10-12T08:01:03Z"));
    }

    @Test
    void aServiceLabelTheTeamFileDoesNotHaveIsIgnoredNamingIt() throws Exception {
        Reading.Reported r = (Reading.Reported) GrafanaPayload.read(
                MonitorPayloads.grafanaFor("checkout", "prod", "f00f"), RECEIVED).get(0);

        assertThat(AlertMatcher.match(r, team)).isEqualTo(new AlertMatcher.Match.Unmatched("High memory usage",
                "its service label checkout is no service of the team file (commons, billing, web, reports, shop, cart)"));
    }

    @Test
    void whatIsNotGrafanasPayloadIsRefusedWithTheReason() {
        assertThatThrownBy(() -> GrafanaPayload.read("{\"alerts\": [", RECEIVED))
                .hasMessage("the body is not JSON: expected Grafana alerting's webhook payload");
        assertThatThrownBy(() -> GrafanaPayload.read("<html>", RECEIVED))
                .hasMessage("the body is not a JSON object: expected Grafana alerting's webhook payload");
        assertThatThrownBy(() -> GrafanaPayload.read("{\"status\":\"firing\"}", RECEIVED))
                .hasMessage("no alerts[]: expected Grafana alerting's webhook payload");
        String noFingerprint = MonitorPayloads.text(MonitorPayloads.GRAFANA).replace("\"fingerprint\": \"c6eadffa33fcdf37\",", "");
        assertThatThrownBy(() -> GrafanaPayload.read(noFingerprint, RECEIVED)).hasMessage("alerts[0] has no fingerprint");
        String badTime = MonitorPayloads.text(MonitorPayloads.GRAFANA).replace("2021-10-12T09:51:03.157076+02:00", "yesterday");
        assertThatThrownBy(() -> GrafanaPayload.read(badTime, RECEIVED)).hasMessage("alerts[0].startsAt is not a time: yesterday");
    }

    @Test
    void aJavascriptLinkIsNoLink() throws Exception {
        String body = MonitorPayloads.text(MonitorPayloads.GRAFANA)
                .replace("https://myrunbook.com/runbook/1234", "javascript:alert(1)");
        Reading.Reported r = (Reading.Reported) GrafanaPayload.read(body, RECEIVED).get(0);

        assertThat(r.runbook()).isEqualTo(Optional.empty());
    }
}
