package dev.flightdeck.alerts;

import dev.flightdeck.alarms.AlertsApp;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grafana's and New Relic's deliveries end to end through the running alerts app: matched to shop, posted by the
 * alert episodes to the environment's alerts channel (prod: #alerts; staging: its channel, #deploys) in FakeSlack,
 * Grafana's resolved updating that message in place, and Sentry's signed issue alert.
 */
class AlertsPostedTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    final AlertsApp app = AlertsApp.shared();

    String channelId(String name) {
        return app.slack.channel(name).orElseThrow().id();
    }

    @Test
    void aGrafanaAlertOfShopInProdIsPostedInAlertsAndItsResolvedUpdatesThatMessage() {
        String fingerprint = "posted-" + UUID.randomUUID();

        HttpResponse<String> firing = AlertsHooks.post(app, "grafana",
                MonitorPayloads.grafanaFor("shop", "prod", fingerprint), AlertsApp.ALERTS_TOKEN);

        assertThat(firing.statusCode()).isEqualTo(200);
        assertThat(firing.body().lines().toList()).containsExactly(
                "posted: shop in prod, ALARM High memory usage",
                "ignored: High CPU usage: no service matches: no service label, and its name names none of "
                        + "commons, billing, web, reports, shop, cart");
        FakeSlack.Call post = app.slack.awaitCall("chat.postMessage",
                c -> c.ok() && c.text() != null && c.text().startsWith("PROD: ALARM High memory usage"), WAIT);
        assertThat(post.channel()).isIn(channelId("alerts"), "#alerts");
        assertThat(post.allText()).contains("This alert was triggered for zone us-1").contains("Runbook");
        // the Runbook button opens the alert's own runbook_url annotation
        assertThat(post.param("attachments")).contains("https://myrunbook.com/runbook/1234");

        HttpResponse<String> resolved = AlertsHooks.post(app, "grafana",
                MonitorPayloads.grafanaResolved("shop", "prod", fingerprint, "2021-10-12T10:01:03+02:00"),
                AlertsApp.ALERTS_TOKEN);

        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body().lines().findFirst()).contains("updated: shop in prod, OK High memory usage");
        FakeSlack.Call update = app.slack.awaitCall("chat.update",
                c -> c.ok() && c.text() != null && c.text().startsWith("PROD: OK High memory usage"), WAIT);
        assertThat(update.param("ts")).isEqualTo(post.response().get("ts").getAsString());
    }

    @Test
    void aNewRelicIssueOfShopInStagingIsPostedInStagingsChannel() {
        // staging's channel in the example team file; the alerts app's workspace starts with #alerts only
        synchronized (AlertsApp.class) {
            if (app.slack.channel("deploys").isEmpty()) {
                app.slack.addChannel("deploys");
            }
        }
        HttpResponse<String> answer = AlertsHooks.post(app, "newrelic", MonitorPayloads.newRelicFor(
                MonitorPayloads.NEWRELIC_ACTIVATED, "nr-" + UUID.randomUUID(), "shop-staging"), AlertsApp.ALERTS_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("posted: shop in staging, ALARM Zulip Server Low Storage");
        FakeSlack.Call post = app.slack.awaitCall("chat.postMessage",
                c -> c.ok() && c.text() != null && c.text().startsWith("STAGING: ALARM Zulip Server Low Storage"), WAIT);
        assertThat(post.channel()).isIn(channelId("deploys"), "#deploys");
        assertThat(post.allText()).contains("(priority CRITICAL)");
    }

    @Test
    void aSignedSentryIssueAlertOfTheShopProjectInProdIsPostedInAlerts() {
        String issueId = String.valueOf(System.nanoTime());
        String body = MonitorPayloads.sentryFor("shop", "prod", issueId);

        HttpResponse<String> answer = AlertsHooks.post(app, "sentry", body, java.util.Map.of(
                "Sentry-Hook-Resource", "event_alert",
                "Sentry-Hook-Signature", AlertsRouteTest.hmac(AlertsApp.ALERTS_TOKEN, body)));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("posted: shop in prod, ALARM ReferenceError: heck is not defined");
        FakeSlack.Call post = app.slack.awaitCall("chat.postMessage", c -> c.ok() && c.text() != null
                && c.text().startsWith("PROD: ALARM ReferenceError: heck is not defined"), WAIT);
        assertThat(post.channel()).isIn(channelId("alerts"), "#alerts");
        assertThat(post.allText()).contains("level error, rule Very Important Alert Rule!");
    }
}
