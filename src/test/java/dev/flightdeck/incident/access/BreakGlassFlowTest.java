package dev.flightdeck.incident.access;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.slack.incident.IncidentSlackIds;
import dev.flightdeck.slack.incident.access.AccessSlackIds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Break-glass access end to end, through signed Slack requests, FakeSlack and IAM Identity Center in moto: asked in
 * the incident's channel, granted by an approver (the assignment appears in moto), listed, and revoked when the
 * incident resolves (the assignment is gone), each step on the timeline and the audit trail.
 */
class BreakGlassFlowTest {

    final AccessApp app = AccessApp.shared();

    AccessGrant only(Incident incident) {
        List<AccessGrant> all = app.bean(AccessGrantStore.class).ofIncident(incident.number());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    AccessGrant grant(long id) {
        return app.bean(AccessGrantStore.class).find(id).orElseThrow();
    }

    List<TimelineEntry> accessTimeline(Incident incident) {
        return app.bean(IncidentRepository.class).timeline(incident.number()).stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.ACCESS).toList();
    }

    List<AuditEvent> audit(String type, long requestId) {
        return app.bean(AuditLog.class).find(AuditQuery.newestFirst(500).ofTypes(type)).stream()
                .filter(e -> e.payloadJson().contains("\"request\":" + requestId + ",")
                        || e.payloadJson().contains("\"request\":" + requestId + "}")).toList();
    }

    @Test
    void anApproversGrantCreatesTheAssignmentAndResolvingTheIncidentRevokesIt() {
        String commander = app.person("cmd");
        String dana = app.personWithUser("dana");
        Incident incident = app.declare("Queue backlog grows sev2", commander);
        String channel = incident.channelId().orElseThrow();

        String answer = AccessApp.text(app.command("access readonly for 2h -- read the &lt;queue&gt; metrics &amp; logs", dana,
                channel));

        assertThat(answer).contains("Asked for *ReadOnly* in account " + AccessAws.ACCOUNT + " for 2h in " + incident.id());
        AccessGrant asked = only(incident);
        assertThat(asked.state()).isEqualTo(AccessState.REQUESTED);
        assertThat(asked.reason()).isEqualTo("read the <queue> metrics & logs");
        var request = app.slack.awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.text() != null
                && c.text().contains("asks for break-glass access"), AccessApp.WAIT);
        assertThat(request.text()).contains("<@" + dana + ">", "*ReadOnly*", "for 2h",
                "read the &lt;queue&gt; metrics &amp; logs", "<!subteam^" + app.groupId + ">", "<@" + app.soleApprover + ">")
                .doesNotContain("<queue>");
        assertThat(request.param("blocks")).contains(AccessSlackIds.GRANT, AccessSlackIds.DENY);
        assertThat(app.aws.holders(app.aws.readOnlyArn)).isEmpty();

        app.click("access_grant", asked.id(), app.approver, channel);

        app.slack.awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.text() != null
                && c.text().startsWith(":unlock:"), AccessApp.WAIT);
        AccessGrant active = grant(asked.id());
        assertThat(active.state()).isEqualTo(AccessState.ACTIVE);
        assertThat(active.decidedBy()).contains(app.approver);
        assertThat(active.expiresAt()).contains(active.grantedAt().orElseThrow().plus(Duration.ofHours(2)));
        assertThat(app.aws.holders(app.aws.readOnlyArn)).containsExactly(active.principalId().orElseThrow());
        app.slack.awaitCall("chat.postMessage", c -> dana.equals(c.channel()) && c.text().contains("is granted"),
                AccessApp.WAIT);
        assertThat(AccessApp.text(app.command("access", commander, channel)))
                .contains("<@" + dana + ">: *ReadOnly* in account " + AccessAws.ACCOUNT + ", until ");
        assertThat(audit("incident.access.granted", asked.id())).hasSize(1);

        resolve(incident, commander);

        AccessGrant revoked = grant(asked.id());
        assertThat(revoked.state()).isEqualTo(AccessState.REVOKED);
        assertThat(revoked.endReason()).contains(AccessGrant.End.RESOLVED);
        assertThat(app.aws.holders(app.aws.readOnlyArn)).isEmpty();
        app.slack.awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.text() != null
                && c.text().startsWith(":lock:") && c.text().contains("the incident was resolved"), AccessApp.WAIT);
        List<String> timeline = accessTimeline(incident).stream().map(TimelineEntry::text).toList();
        assertThat(timeline).hasSize(4);
        assertThat(timeline).anySatisfy(t -> assertThat(t).contains("<@" + dana + "> asked for ReadOnly",
                "read the <queue> metrics & logs"));
        assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("<@" + app.approver + "> approved"));
        assertThat(timeline).anySatisfy(t -> assertThat(t).contains("granted to <@" + dana + "> until"));
        assertThat(timeline).anySatisfy(t -> assertThat(t).contains("revoked (the incident was resolved)"));
        assertThat(audit("incident.access.revoked", asked.id())).hasSize(1);
        assertThat(app.bean(AccessJob.class).runDue()).as("nothing left owed").isZero();
        assertThat(AccessApp.text(app.command("access", commander, channel)))
                .isEqualTo("No live break-glass access in " + incident.id() + ".");
    }

    @Test
    void thePeopleMappingFindsTheUserWhenTheSlackEmailDoesNot() {
        String commander = app.person("cmd");
        Incident incident = app.declare("Disk full sev3", commander);
        String channel = incident.channelId().orElseThrow();
        app.command("access Admin for 30m -- resize the volume", AccessApp.KIM, channel);
        AccessGrant asked = only(incident);

        app.click("access_grant", asked.id(), app.soleApprover, channel);

        app.slack.awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.text() != null
                && c.text().startsWith(":unlock:") && c.text().contains(AccessApp.KIM), AccessApp.WAIT);
        assertThat(app.aws.holders(app.aws.adminArn)).contains(grant(asked.id()).principalId().orElseThrow());
        resolve(incident, commander);
        assertThat(app.aws.holders(app.aws.adminArn)).doesNotContain(grant(asked.id()).principalId().orElseThrow());
    }

    @Test
    void withoutAnIdentityCenterUserTheGrantFailsAndTheChannelIsTold() {
        String commander = app.person("cmd");
        String nobody = app.person("nobody");
        Incident incident = app.declare("Cache cold sev3", commander);
        String channel = incident.channelId().orElseThrow();
        app.command("access ReadOnly -- look at the cache", nobody, channel);
        AccessGrant asked = only(incident);
        assertThat(asked.duration()).as("the default").isEqualTo(Duration.ofHours(1));

        app.click("access_grant", asked.id(), app.approver, channel);

        var told = app.slack.awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.text() != null
                && c.text().startsWith(":warning:"), AccessApp.WAIT);
        assertThat(told.text()).contains("no IAM Identity Center user matches <@" + nobody + ">");
        assertThat(grant(asked.id()).state()).isEqualTo(AccessState.FAILED);
        assertThat(grant(asked.id()).dueAt()).isEmpty();
    }

    @Test
    void denyEndsTheRequestAndTheMessageLosesItsButtons() {
        String commander = app.person("cmd");
        String dana = app.personWithUser("dana");
        Incident incident = app.declare("Search slow sev3", commander);
        String channel = incident.channelId().orElseThrow();
        app.command("access ReadOnly for 1h -- check the index", dana, channel);
        AccessGrant asked = only(incident);

        app.click("access_deny", asked.id(), app.approver, channel);

        var redraw = app.slack.awaitCall("chat.update", c -> channel.equals(c.channel()) && c.param("blocks") != null
                && c.param("blocks").contains("Denied by"), AccessApp.WAIT);
        assertThat(redraw.param("blocks")).doesNotContain("access_grant");
        assertThat(grant(asked.id()).state()).isEqualTo(AccessState.DENIED);
        assertThat(accessTimeline(incident)).extracting(TimelineEntry::text)
                .anySatisfy(t -> assertThat(t).startsWith("<@" + app.approver + "> denied"));
        assertThat(app.aws.holders(app.aws.readOnlyArn)).doesNotContain(dana);
    }

    static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The resolve form submitted, as the commander would. */
    void resolve(Incident incident, String commander) {
        var submit = app.signed.viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, incident.id(), Map.of(
                IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Fixed."),
                IncidentSlackIds.INCIDENT_INPUT_AFFECTED, Map.of(IncidentSlackIds.INCIDENT_INPUT_AFFECTED, "Nobody."),
                IncidentSlackIds.INCIDENT_INPUT_WHAT_HAPPENED, Map.of(IncidentSlackIds.INCIDENT_INPUT_WHAT_HAPPENED, "A bug."),
                IncidentSlackIds.INCIDENT_INPUT_PREVENTION, Map.of(IncidentSlackIds.INCIDENT_INPUT_PREVENTION, "A test.")),
                commander).send(app.server.getURI());
        assertThat(submit.status()).isEqualTo(200);
        long deadline = System.nanoTime() + AccessApp.WAIT.toNanos();
        while (app.bean(dev.flightdeck.incident.IncidentService.class).find(incident.number()).orElseThrow().isOpen()
                || app.bean(AccessGrantStore.class).ofIncident(incident.number()).stream()
                .anyMatch(g -> !g.state().isFinal())) {
            assertThat(System.nanoTime()).as("resolved and its access ended in time").isLessThan(deadline);
            pause();
        }
    }
}
