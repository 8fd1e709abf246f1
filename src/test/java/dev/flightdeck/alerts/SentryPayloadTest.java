package dev.flightdeck.alerts;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sentry's issue alert webhook, from Sentry's own example, read and matched to the alerts app's team. */
class SentryPayloadTest {

    static final Instant RECEIVED = Instant.parse("2026-12-07T12:00:00Z");
    final TeamConfig team = MonitorPayloads.team();

    @Test
    void theTriggeredIssueFiresUnderItsTitleWithLevelRuleAndLink() throws Exception {
        Reading.Reported r = (Reading.Reported) SentryPayload.read(
                MonitorPayloads.text(MonitorPayloads.SENTRY), RECEIVED).get(0);

        assertThat(r.source()).isEqualTo("sentry");
        assertThat(r.key()).isEqualTo("1117540176");
        assertThat(r.name()).isEqualTo("ReferenceError: heck is not defined");
        assertThat(r.state()).isEqualTo(AlertState.ALARM);
        assertThat(r.reason()).isEqualTo("level error, rule Very Important Alert Rule!");
        assertThat(r.link()).contains(URI.create(
                "https://sentry.io/organizations/test-org/issues/1117540176/events/e4874d664c3540c1a32eab185f12c5ab/"));
        assertThat(r.at()).isEqualTo(Instant.parse("2019-08-19T21:06:17.677Z"));
        assertThat(r.names()).contains("front-end");
    }

    @Test
    void theExamplesProjectFrontEndIsNoServiceOfTheTeam() throws Exception {
        Reading.Reported r = (Reading.Reported) SentryPayload.read(
                MonitorPayloads.text(MonitorPayloads.SENTRY), RECEIVED).get(0);

        assertThat(AlertMatcher.match(r, team)).isEqualTo(new AlertMatcher.Match.Unmatched(
                "ReferenceError: heck is not defined",
                "no service matches: no service label, and its name names none of commons, billing, web, reports, shop, cart"));
    }

    @Test
    void aProjectNamedAfterTheServiceWithSentrysEnvironmentTagMatches() throws Exception {
        Reading.Reported r = (Reading.Reported) SentryPayload.read(
                MonitorPayloads.sentryFor("shop", "prod", "42"), RECEIVED).get(0);

        Alert alert = ((AlertMatcher.Match.Matched) AlertMatcher.match(r, team)).alert();
        assertThat(alert.service()).isEqualTo("shop");
        assertThat(alert.environment()).isEqualTo("prod");
        assertThat(alert.key()).isEqualTo("42");
        assertThat(alert.runbook()).contains(URI.create("https://wiki.example.com/runbooks/shop"));
    }

    @Test
    void anEnvironmentTheTeamFileLacksIsIgnoredNamingIt() throws Exception {
        Reading.Reported r = (Reading.Reported) SentryPayload.read(
                MonitorPayloads.sentryFor("shop", "production", "43"), RECEIVED).get(0);

        assertThat(AlertMatcher.match(r, team)).isEqualTo(new AlertMatcher.Match.Unmatched(
                "ReferenceError: heck is not defined",
                "its environment label production is no environment of the team file (dev, staging, prod)"));
    }

    @Test
    void onlyTriggeredIsAnAlert() throws Exception {
        String body = MonitorPayloads.text(MonitorPayloads.SENTRY).replace("\"action\": \"triggered\"", "\"action\": \"resolved\"");

        assertThat(SentryPayload.read(body, RECEIVED)).containsExactly(new Reading.Skipped(
                "ReferenceError: heck is not defined", "action resolved is not triggered"));
    }

    @Test
    void withoutAnEventOrIssueItIsNotSentrysPayload() {
        assertThatThrownBy(() -> SentryPayload.read("{\"action\":\"triggered\",\"data\":{}}", RECEIVED))
                .hasMessage("no data.event nor data.issue: expected a Sentry issue alert webhook");
        assertThatThrownBy(() -> SentryPayload.read("{\"action\":\"triggered\"}", RECEIVED))
                .hasMessage("no data: expected a Sentry issue alert webhook");
    }
}
