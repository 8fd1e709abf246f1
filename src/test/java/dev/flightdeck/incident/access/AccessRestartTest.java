package dev.flightdeck.incident.access;

import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expiry survives a restart: access granted by one process is revoked at its expiry by the next, from the database,
 * once (the job run again, or by a second process, deletes nothing more and records nothing twice).
 */
class AccessRestartTest {

    @Test
    void accessGrantedBeforeARestartIsRevokedOnceAtExpiryAfterIt() {
        AccessApp app = AccessApp.shared();
        String commander = app.person("cmd");
        String dana = app.personWithUser("dana");
        Incident incident = app.declare("Restart sev2", commander);
        String channel = incident.channelId().orElseThrow();
        app.command("access ReadOnly for 30m -- check after restart", dana, channel);
        long id = app.bean(AccessGrantStore.class).ofIncident(incident.number()).get(0).id();
        app.click("access_grant", id, app.approver, channel);
        app.slack.awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.text() != null
                && c.text().startsWith(":unlock:") && c.text().contains(dana), AccessApp.WAIT);
        AccessGrant active = app.bean(AccessGrantStore.class).find(id).orElseThrow();
        String principal = active.principalId().orElseThrow();
        assertThat(app.aws.holders(app.aws.readOnlyArn)).contains(principal);

        app.server.close();
        app.start();
        app.clock.set(active.expiresAt().orElseThrow().minusSeconds(1));
        AccessJob job = app.bean(AccessJob.class);
        assertThat(job.runDue()).as("not yet due").isZero();
        assertThat(app.aws.holders(app.aws.readOnlyArn)).contains(principal);

        app.clock.advance(Duration.ofSeconds(2));
        assertThat(job.runDue()).isGreaterThanOrEqualTo(1);
        job.runDue();

        assertThat(app.aws.holders(app.aws.readOnlyArn)).doesNotContain(principal);
        AccessGrant revoked = app.bean(AccessGrantStore.class).find(id).orElseThrow();
        assertThat(revoked.state()).isEqualTo(AccessState.REVOKED);
        assertThat(revoked.endReason()).contains(AccessGrant.End.EXPIRED);
        List<TimelineEntry> revocations = app.bean(IncidentRepository.class).timeline(incident.number()).stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.ACCESS && e.text().contains("revoked")).toList();
        assertThat(revocations).singleElement().satisfies(e -> assertThat(e.text()).contains("expired after 30m"));
        assertThat(app.bean(AuditLog.class).find(AuditQuery.newestFirst(500).ofTypes("incident.access.revoked"))
                .stream().filter(e -> e.payloadJson().contains("\"request\":" + id + ",")).toList()).hasSize(1);
        app.slack.awaitCall("chat.postMessage", c -> dana.equals(c.channel()) && c.text().contains("is revoked"),
                AccessApp.WAIT);
        assertThat(job.runDue()).as("nothing left owed").isZero();
        assertThat(app.slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.channel())
                && c.text() != null && c.text().startsWith(":lock:") && c.text().contains(dana)).count())
                .as("said once").isEqualTo(1);
    }
}
