package dev.flightdeck.slack.incident;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.check.CheckOutcome;
import dev.flightdeck.deploy.check.DeployCandidate;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentFreezeCheck;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolve through the form, the generated summary in the stakeholder channel, and the freeze it lifts. */
class ResolveIncidentTest {

    final IncidentFixture f = new IncidentFixture();

    @Test
    void resolvingPostsTheSummaryWithFourPartsDurationsAndTimelineToTheStakeholderChannel() {
        String mia = f.user("mia");
        String ned = f.user("ned");
        Incident incident = f.declare("declare Emails not sent sev2", mia, f.channel("ops", mia));
        String channel = incident.channelId().orElseThrow();
        f.command("role communicator <@" + ned + ">", mia, channel);
        f.app.clock.advance(Duration.ofMinutes(7));
        f.command("update identified Customers in EU got no order emails; queue misrouted", ned, channel);
        f.command("note Switched EMAIL_QUEUE_URL back", mia, channel);
        f.app.clock.advance(Duration.ofMinutes(58));

        String opened = IncidentFixture.text(f.command("resolve", mia, channel));
        assertThat(opened).contains("Opening the resolve form for " + incident.id());
        FakeSlack.Call open = f.slack().awaitCall("views.open", c -> c.param("view").contains(IncidentSlackIds.INCIDENT_RESOLVE_MODAL)
                && c.param("view").contains(incident.id()), IncidentFixture.WAIT);
        JsonObject view = JsonParser.parseString(open.param("view")).getAsJsonObject();
        assertThat(view.toString()).contains("queue misrouted", "Switched EMAIL_QUEUE_URL back", IncidentSummary.PREVENTION);
        // The form's fields are plain text, where Slack shows a mention as the raw "<@U…>": the draft names people.
        assertThat(view.toString()).contains("@ned-").doesNotContain("<@" + ned + ">");

        var submit = f.app.signed().viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, incident.id(), Map.of(
                IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Order emails were not sent for an hour."),
                IncidentSlackIds.INCIDENT_INPUT_AFFECTED, Map.of(IncidentSlackIds.INCIDENT_INPUT_AFFECTED, "EU customers ordering 10:00-11:05."),
                IncidentSlackIds.INCIDENT_INPUT_WHAT_HAPPENED, Map.of(IncidentSlackIds.INCIDENT_INPUT_WHAT_HAPPENED, "Two consumers on one queue."),
                IncidentSlackIds.INCIDENT_INPUT_PREVENTION, Map.of(IncidentSlackIds.INCIDENT_INPUT_PREVENTION, "Config rule: queue URLs differ.")),
                mia).send(f.app.uri());
        assertThat(submit.status()).isEqualTo(200);

        FakeSlack.Call summary = f.slack().awaitCall("chat.postMessage", c -> f.isStatus(c.channel())
                && c.text().equals("Summary of " + incident.id() + ": Emails not sent"), IncidentFixture.WAIT);
        assertThat(summary.allText()).contains(IncidentSummary.SUMMARY, IncidentSummary.AFFECTED,
                IncidentSummary.WHAT_HAPPENED, IncidentSummary.PREVENTION, "Order emails were not sent for an hour.",
                "EU customers ordering", "Two consumers on one queue.", "Config rule: queue URLs differ.",
                "*Duration*\n1h 05m", "*Time to first update*\n7m", "sev2", "<@" + mia + ">", "<@" + ned + ">",
                "Declared sev2", "queue misrouted", "Switched EMAIL_QUEUE_URL back", "Resolved after 1h 05m",
                "<http://localhost:8080/incidents/" + incident.number() + "|Open the summary page>");
        f.slack().awaitCall("chat.postMessage", c -> channel.equals(c.channel())
                && c.text().startsWith("Summary of " + incident.id()), IncidentFixture.WAIT);
        f.slack().awaitCall("chat.update", c -> c.ok() && c.text().equals(incident.id() + " (sev2, resolved): Emails not sent"),
                IncidentFixture.WAIT);

        var again = f.app.signed().viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, incident.id(), Map.of(), mia).send(f.app.uri());
        assertThat(again.body()).contains("errors", "already resolved");
        assertThat(IncidentFixture.text(f.command("update Still broken?", ned, channel))).contains("is resolved");
        String shown = IncidentFixture.text(f.command("summary " + incident.id(), ned, f.channel("elsewhere", ned)));
        assertThat(shown).isEqualTo("Summary of " + incident.id() + ": Emails not sent");
    }

    @Test
    void anOpenSev1FreezesProdNamingTheIncidentAndResolvingLiftsIt() {
        String ola = f.user("ola");
        Incident incident = f.declare("declare Checkout down sev1", ola, f.channel("ops", ola));
        IncidentFreezeCheck freeze = f.app.bean(IncidentFreezeCheck.class);
        TeamConfig team = f.app.bean(TeamConfig.class);
        DeployCandidate prod = new DeployCandidate("commons", "prod", "5.11.2", ola, team.service("commons").orElseThrow(),
                team.environment("prod").orElseThrow(), f.app.clock.instant());
        DeployCandidate dev = new DeployCandidate("commons", "dev", "5.11.2", ola, team.service("commons").orElseThrow(),
                team.environment("dev").orElseThrow(), f.app.clock.instant());

        CheckOutcome blocked = freeze.check(prod);
        assertThat(blocked).isInstanceOf(CheckOutcome.Blocked.class);
        assertThat(blocked.text()).contains(incident.id() + " (sev1) is open: Checkout down");
        assertThat(freeze.check(dev).blocks()).as("dev has no freeze-at").isFalse();

        var submit = f.app.signed().viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, incident.id(), Map.of(
                IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Checkout was down.")), ola).send(f.app.uri());
        assertThat(submit.status()).isEqualTo(200);
        assertThat(freeze.check(prod).text()).doesNotContain(incident.id() + " ");
        assertThat(f.app.bean(IncidentService.class).timeline(incident.number())).extracting(TimelineEntry::kind)
                .contains(TimelineEntry.Kind.RESOLVED);
    }
}
