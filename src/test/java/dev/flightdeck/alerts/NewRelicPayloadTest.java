package dev.flightdeck.alerts;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.team.TeamConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** New Relic's workflow webhook with the default payload template, read and matched to the alerts app's team. */
class NewRelicPayloadTest {

    static final Instant RECEIVED = Instant.parse("2026-12-07T12:00:00Z");
    final TeamConfig team = MonitorPayloads.team();

    @Test
    void anActivatedIssueFiresUnderItsConditionNameWithTitlePriorityAndLink() throws Exception {
        Reading.Reported r = (Reading.Reported) NewRelicPayload.read(
                MonitorPayloads.text(MonitorPayloads.NEWRELIC_ACTIVATED), RECEIVED).get(0);

        assertThat(r.source()).isEqualTo("newrelic");
        assertThat(r.key()).isEqualTo("c5faa7e6-7b54-402d-af79-f99601e0278c");
        assertThat(r.name()).isEqualTo("Zulip Server Low Storage");
        assertThat(r.state()).isEqualTo(AlertState.ALARM);
        assertThat(r.reason()).isEqualTo(
                "zulip_app query result is > 1.0 for 1 minutes on 'Zulip Server Low Storage' (priority CRITICAL)");
        assertThat(r.link()).contains(URI.create("https://radar-api.service.newrelic.com/accounts/4420147/issues/"
                + "c5faa7e6-7b54-402d-af79-f99601e0278c?notifier=WEBHOOK"));
        assertThat(r.at()).isEqualTo(Instant.ofEpochMilli(1713755131352L));
        assertThat(AlertMatcher.match(r, team)).isInstanceOf(AlertMatcher.Match.Unmatched.class);
    }

    @Test
    void aClosedIssueIsOkSinceItsLastUpdate() throws Exception {
        Reading.Reported r = (Reading.Reported) NewRelicPayload.read(
                MonitorPayloads.text(MonitorPayloads.NEWRELIC_CLOSED), RECEIVED).get(0);

        assertThat(r.state()).isEqualTo(AlertState.OK);
        assertThat(r.key()).isEqualTo("95a9344a-2590-48ce-8d83-07e28b6d22c6");
        assertThat(r.at()).isEqualTo(Instant.ofEpochMilli(1713766657383L));
    }

    @Test
    void anImpactedEntityNamedAfterTheServiceAndEnvironmentMatchesThem() throws Exception {
        Reading.Reported r = (Reading.Reported) NewRelicPayload.read(MonitorPayloads.newRelicFor(
                MonitorPayloads.NEWRELIC_ACTIVATED, "nr-1", "shop-staging"), RECEIVED).get(0);

        Alert alert = ((AlertMatcher.Match.Matched) AlertMatcher.match(r, team)).alert();
        assertThat(alert.service()).isEqualTo("shop");
        assertThat(alert.environment()).isEqualTo("staging");
        // no runbook in the payload: the service's
        assertThat(alert.runbook()).contains(URI.create("https://wiki.example.com/runbooks/shop"));
    }

    @Test
    void tagsAddedToTheTemplateNameTheServiceAndEnvironment() throws Exception {
        String body = MonitorPayloads.text(MonitorPayloads.NEWRELIC_ACTIVATED).replace("\"workflowName\"",
                "\"tags\": {\"service\": [\"shop\"], \"environment\": [\"prod\"]}, \"workflowName\"");
        Reading.Reported r = (Reading.Reported) NewRelicPayload.read(body, RECEIVED).get(0);

        Alert alert = ((AlertMatcher.Match.Matched) AlertMatcher.match(r, team)).alert();
        assertThat(alert.service()).isEqualTo("shop");
        assertThat(alert.environment()).isEqualTo("prod");
    }

    @Test
    void anAcknowledgedIssueChangesNothing() throws Exception {
        String body = MonitorPayloads.text(MonitorPayloads.NEWRELIC_ACTIVATED).replace("ACTIVATED", "ACKNOWLEDGED");

        assertThat(NewRelicPayload.read(body, RECEIVED)).containsExactly(new Reading.Skipped(
                "Zulip Server Low Storage", "state ACKNOWLEDGED is not ACTIVATED or CLOSED"));
    }

    @Test
    void withoutAnIssueIdOrStateItIsNotNewRelicsPayload() {
        String noId = MonitorPayloads.text(MonitorPayloads.NEWRELIC_ACTIVATED)
                .replace("\"id\": \"c5faa7e6-7b54-402d-af79-f99601e0278c\",", "");
        assertThatThrownBy(() -> NewRelicPayload.read(noId, RECEIVED)).hasMessage(
                "no id (the issue id): expected a New Relic workflow webhook (the default payload template)");
        String noState = MonitorPayloads.text(MonitorPayloads.NEWRELIC_ACTIVATED).replace("\"state\": \"ACTIVATED\",", "");
        assertThatThrownBy(() -> NewRelicPayload.read(noState, RECEIVED)).hasMessage(
                "no state (ACTIVATED or CLOSED): expected a New Relic workflow webhook (the default payload template)");
        assertThatThrownBy(() -> NewRelicPayload.read("[1, 2]", RECEIVED)).hasMessage(
                "the body is not a JSON object: expected a New Relic workflow webhook (the default payload template)");
    }
}
