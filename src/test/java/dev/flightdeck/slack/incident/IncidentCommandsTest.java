package dev.flightdeck.slack.incident;

import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.IncidentTimeline;
import dev.flightdeck.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The declare form, notes, list and summary of an open incident, and the audit trail they leave. */
class IncidentCommandsTest {

    final IncidentFixture f = new IncidentFixture();

    @Test
    void anEmptyCommandOpensTheDeclareFormAndSubmittingItDeclares() {
        String tom = f.user("tom");
        String here = f.channel("ops", tom);
        assertThat(IncidentFixture.text(f.command("", tom, here))).contains("Opening the form");
        var open = f.slack().awaitCall("views.open", c -> c.param("view").contains(IncidentSlackIds.INCIDENT_DECLARE_MODAL)
                && c.param("view").contains(here), IncidentFixture.WAIT);
        assertThat(open.ok()).isTrue();

        var submit = f.app.signed().viewSubmission(IncidentSlackIds.INCIDENT_DECLARE_MODAL, here, Map.of(
                IncidentSlackIds.INCIDENT_INPUT_TITLE, Map.of(IncidentSlackIds.INCIDENT_INPUT_TITLE, "Invoices show <wrong> totals"),
                IncidentSlackIds.INCIDENT_INPUT_SEVERITY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SEVERITY, "SEV2")), tom).send(f.app.uri());
        assertThat(submit.status()).isEqualTo(200);
        var told = f.slack().awaitCall("chat.postEphemeral", c -> tom.equals(c.param("user"))
                && c.text().startsWith("Declaring INC-"), IncidentFixture.WAIT);
        long n = Long.parseLong(told.text().replaceAll("(?s)^Declaring INC-(\\d+).*", "$1"));
        Incident incident = f.awaitSetUp(n);
        assertThat(incident.title()).isEqualTo("Invoices show <wrong> totals");
        assertThat(incident.severity().label()).isEqualTo("sev2");
        assertThat(incident.channelName()).contains("inc-" + n + "-invoices-show-wrong-totals");

        var blank = f.app.signed().viewSubmission(IncidentSlackIds.INCIDENT_DECLARE_MODAL, here, Map.of(
                IncidentSlackIds.INCIDENT_INPUT_TITLE, Map.of(IncidentSlackIds.INCIDENT_INPUT_TITLE, " ")), tom).send(f.app.uri());
        assertThat(blank.body()).contains("errors", IncidentSlackIds.INCIDENT_INPUT_TITLE);
    }

    @Test
    void notesListAndTheSummarySoFarWorkFromAnyChannelWithAnId() {
        String uma = f.user("uma");
        String elsewhere = f.channel("random", uma);
        Incident incident = f.declare("declare Reports stuck sev1", uma, f.channel("ops", uma));

        assertThat(IncidentFixture.text(f.command("note " + incident.id() + " Restarted worker-3", uma, elsewhere)))
                .contains("Added to " + incident.id());
        assertThat(f.app.bean(IncidentService.class).timeline(incident.number()))
                .extracting(TimelineEntry::kind, TimelineEntry::text)
                .contains(org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.NOTE, "Restarted worker-3"));

        String list = IncidentFixture.text(f.command("list", uma, elsewhere));
        assertThat(list).contains("*" + incident.id() + "* sev1, investigating: Reports stuck",
                "commander <@" + uma + ">", "communicator _none_", "last update _none_");

        var summary = f.command("summary " + incident.id(), uma, elsewhere).json().getAsJsonObject();
        assertThat(summary.get("blocks").toString()).contains("still open", "Restarted worker-3", "Declared sev1",
                "<http://localhost:8080/incidents/" + incident.number() + "|Open the summary page>");

        assertThat(IncidentFixture.text(f.command("severity sev1", uma, incident.channelId().orElseThrow())))
                .contains("already sev1");
        assertThat(IncidentFixture.text(f.command("role commander <@" + uma + ">", uma, incident.channelId().orElseThrow())))
                .contains("already the commander");

        assertThat(f.app.bean(AuditLog.class).find(AuditQuery.newestFirst(100).by(uma)))
                .extracting(e -> e.type())
                .contains("incident.declared", "incident.note_added");
    }

    @Test
    void deploysStartedOrFinishedWhileAnIncidentIsOpenJoinItsTimelineOnce() {
        String vic = f.user("vic");
        Incident incident = f.declare("declare Latency spike sev2", vic, f.channel("ops", vic));
        IncidentService service = f.app.bean(IncidentService.class);
        IncidentTimeline timeline = f.app.bean(IncidentTimeline.class);
        var at = f.app.clock.instant();
        timeline.recordDeployEvent("commons", "prod", "5.11.2", "started", vic, at);
        timeline.recordDeployEvent("commons", "prod", "5.11.2", "started", vic, at);
        timeline.recordDeployEvent("commons", "prod", "5.11.2", "succeeded", vic, at.plusSeconds(300));
        timeline.recordDeployEvent("commons", "prod", "5.11.1", "started", vic, incident.startedAt().minusSeconds(60));
        assertThat(service.timeline(incident.number())).filteredOn(e -> e.kind() == TimelineEntry.Kind.DEPLOY)
                .extracting(TimelineEntry::text)
                .containsExactly("Deploy commons 5.11.2 to prod: started", "Deploy commons 5.11.2 to prod: succeeded");
    }
}
