package dev.flightdeck.alerts;

import dev.flightdeck.alarms.AlertsApp;
import dev.flightdeck.text.SharedSecret;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /hooks/alerts/{source}} through the running alerts app: refusals before the body is read, unknown sources,
 * malformed bodies, and alerts that match no service answered with the reason. Nothing here reaches the intake.
 */
class AlertsRouteTest {

    final AlertsApp app = AlertsApp.shared();
    final MeterRegistry registry = app.bean(MeterRegistry.class);

    double rejected(String source, String reason) {
        return registry.counter(RejectedAlerts.METRIC, "source", source, "reason", reason).count();
    }

    @Test
    void withoutATokenTheDeliveryIsRefusedAndCounted() {
        double before = rejected("grafana", "missing-token");

        HttpResponse<String> answer = AlertsHooks.post(app, "grafana",
                MonitorPayloads.grafanaFor("shop", "prod", "route-no-token"), (String) null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("missing Authorization: Bearer <FLIGHTDECK_ALERTS_TOKEN>");
        assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(rejected("grafana", "missing-token")).isEqualTo(before + 1);
    }

    @Test
    void aWrongTokenOrAnotherSchemeIsRefused() {
        double before = rejected("newrelic", "wrong-token");

        HttpResponse<String> wrong = AlertsHooks.post(app, "newrelic",
                MonitorPayloads.text(MonitorPayloads.NEWRELIC_ACTIVATED), AlertsApp.ALERTS_TOKEN + "x");
        HttpResponse<String> basic = AlertsHooks.post(app, "newrelic",
                MonitorPayloads.text(MonitorPayloads.NEWRELIC_ACTIVATED), Map.of("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString(("u:" + AlertsApp.ALERTS_TOKEN).getBytes())));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("wrong bearer token");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(rejected("newrelic", "wrong-token")).isEqualTo(before + 2);
    }

    @Test
    void anUnknownSourceIsNotFoundAndTheAnswerNamesTheKnownOnes() {
        HttpResponse<String> answer = AlertsHooks.post(app, "datadog", "{}", AlertsApp.ALERTS_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("unknown alert source datadog: known are grafana, newrelic, sentry");
    }

    @Test
    void aMalformedBodyIsABadRequestSayingWhatWasExpected() {
        HttpResponse<String> broken = AlertsHooks.post(app, "grafana", "{\"alerts\": [", AlertsApp.ALERTS_TOKEN);
        HttpResponse<String> empty = AlertsHooks.post(app, "sentry", "", AlertsApp.ALERTS_TOKEN);
        HttpResponse<String> other = AlertsHooks.post(app, "newrelic",
                MonitorPayloads.text(MonitorPayloads.GRAFANA), AlertsApp.ALERTS_TOKEN);

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).isEqualTo("the body is not JSON: expected Grafana alerting's webhook payload");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo("no body: expected a Sentry issue alert webhook as JSON");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).isEqualTo(
                "no id (the issue id): expected a New Relic workflow webhook (the default payload template)");
    }

    @Test
    void grafanasExampleMatchesNoServiceAndTheAnswerSaysWhyForEachAlert() {
        HttpResponse<String> answer = AlertsHooks.post(app, "grafana", MonitorPayloads.text(MonitorPayloads.GRAFANA),
                AlertsApp.ALERTS_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo("""
                ignored: High memory usage: no service matches: no service label, and its name names none of \
                commons, billing, web, reports, shop, cart
                ignored: High CPU usage: no service matches: no service label, and its name names none of \
                commons, billing, web, reports, shop, cart""");
    }

    @Test
    void aVendorsTextIsRepeatedOnOneLine() {
        String body = MonitorPayloads.grafanaFor("shop\nOK: posted everything", "prod", "route-one-line");

        HttpResponse<String> answer = AlertsHooks.post(app, "grafana", body, AlertsApp.ALERTS_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body().lines().findFirst()).contains("ignored: High memory usage: its service label "
                + "shop OK: posted everything is no service of the team file (commons, billing, web, reports, shop, cart)");
    }

    @Test
    void aNewRelicAcknowledgementIsAcceptedAndChangesNothing() {
        String body = MonitorPayloads.text(MonitorPayloads.NEWRELIC_ACTIVATED).replace("ACTIVATED", "ACKNOWLEDGED");

        HttpResponse<String> answer = AlertsHooks.post(app, "newrelic", body, AlertsApp.ALERTS_TOKEN);

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).isEqualTo(
                "ignored: Zulip Server Low Storage: state ACKNOWLEDGED is not ACTIVATED or CLOSED");
    }

    @Test
    void sentryIsLetInByItsBodySignatureMadeWithTheToken() {
        String body = MonitorPayloads.text(MonitorPayloads.SENTRY);

        HttpResponse<String> signed = AlertsHooks.post(app, "sentry", body,
                Map.of("Sentry-Hook-Resource", "event_alert", "Sentry-Hook-Signature", hmac(AlertsApp.ALERTS_TOKEN, body)));
        HttpResponse<String> forged = AlertsHooks.post(app, "sentry", body,
                Map.of("Sentry-Hook-Signature", hmac("another-secret", body)));
        HttpResponse<String> elsewhere = AlertsHooks.post(app, "grafana", MonitorPayloads.text(MonitorPayloads.GRAFANA),
                Map.of("Sentry-Hook-Signature", hmac(AlertsApp.ALERTS_TOKEN, MonitorPayloads.text(MonitorPayloads.GRAFANA))));

        assertThat(signed.statusCode()).isEqualTo(202);
        assertThat(signed.body()).startsWith("ignored: ReferenceError: heck is not defined: no service matches");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).isEqualTo("wrong Sentry-Hook-Signature");
        // only Sentry signs: anyone else must send the bearer token
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }

    @Test
    void theSharedSecretComparesOnlyExactly() {
        SharedSecret secret = new SharedSecret("s3cret-made-up");
        assertThat(secret.matches("s3cret-made-up")).isTrue();
        assertThat(secret.matches("s3cret-made-u")).isFalse();
        assertThat(secret.signs("{}".getBytes(StandardCharsets.UTF_8), hmac("s3cret-made-up", "{}"))).isTrue();
        assertThat(secret.signs("{ }".getBytes(StandardCharsets.UTF_8), hmac("s3cret-made-up", "{}"))).isFalse();
        assertThat(new SharedSecret("").signs(new byte[0], hmac("x", ""))).isFalse();
    }

    /** Sentry's signature: the hex HMAC-SHA256 of the body keyed with the integration's Client Secret. */
    static String hmac(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
