package dev.flightdeck.incident.access;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.testing.FakeMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What break-glass access refuses, through signed Slack requests: each refusal says why, and changes nothing (no
 * request stored, no decision, nothing in Identity Center).
 */
class AccessRefusalsTest {

    final AccessApp app = AccessApp.shared();

    List<AccessGrant> requests(Incident incident) {
        return app.bean(AccessGrantStore.class).ofIncident(incident.number());
    }

    String ephemeralTo(String user, String channel, String containing) {
        long deadline = System.nanoTime() + AccessApp.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var found = app.slack.ephemeralsIn(channel).stream()
                    .filter(m -> user.equals(m.visibleTo()) && m.text().contains(containing)).findFirst();
            if (found.isPresent()) {
                return found.get().text();
            }
            BreakGlassFlowTest.pause();
        }
        throw new AssertionError("no ephemeral to " + user + " containing " + containing + ": "
                + app.slack.ephemeralsIn(channel).stream().map(FakeMessage::text).toList());
    }

    @Test
    void anUnknownPermissionSetIsAnsweredWithTheKnownOnes() {
        Incident incident = app.declare("Unknown set sev3", app.person("cmd"));
        String answer = AccessApp.text(app.command("access PowerUser for 1h -- fix it", app.person("dana"),
                incident.channelId().orElseThrow()));

        assertThat(answer).isEqualTo("`PowerUser` is not a permission set Flightdeck may grant. Known: `ReadOnly`, `Admin`.");
        assertThat(requests(incident)).isEmpty();
    }

    @Test
    void longerThanMaxDurationIsRefusedNotCapped() {
        Incident incident = app.declare("Too long sev3", app.person("cmd"));
        String answer = AccessApp.text(app.command("access ReadOnly for 6h -- fix it", app.person("dana"),
                incident.channelId().orElseThrow()));

        assertThat(answer).startsWith("Access for 6h is longer than the 4h the team file allows (max-duration); "
                + "nothing was asked.");
        assertThat(requests(incident)).isEmpty();
    }

    @Test
    void aReasonIsRequiredAndABadDurationIsNamed() {
        Incident incident = app.declare("No reason sev3", app.person("cmd"));
        String channel = incident.channelId().orElseThrow();
        String user = app.person("dana");

        assertThat(AccessApp.text(app.command("access ReadOnly for 2h", user, channel)))
                .contains("Say why after `--`", "/incident access ReadOnly for 2h -- &lt;reason&gt;");
        assertThat(AccessApp.text(app.command("access ReadOnly for ever -- because", user, channel)))
                .contains("`for ever` is not a duration");
        assertThat(requests(incident)).isEmpty();
    }

    @Test
    void aResolvedIncidentTakesNoRequestAndOutsideAnIncidentChannelTheIdIsAsked() {
        String commander = app.person("cmd");
        Incident incident = app.declare("Closed one sev3", commander);
        new BreakGlassFlowTest().resolve(incident, commander);

        String closed = AccessApp.text(app.command("access " + incident.id() + " ReadOnly -- too late", app.person("dana"),
                app.slack.channel("incidents").orElseThrow().id()));
        String nowhere = AccessApp.text(app.command("access ReadOnly -- where", app.person("dana"),
                app.slack.channel("incidents").orElseThrow().id()));

        assertThat(closed).isEqualTo(incident.id() + " is resolved: break-glass access is only for open incidents.");
        assertThat(nowhere).startsWith("This is not an incident channel");
        assertThat(requests(incident)).isEmpty();
    }

    @Test
    void someoneWhoIsNoApproverIsRefusedAndTheRequestStillWaits() {
        Incident incident = app.declare("Outsider sev2", app.person("cmd"));
        String channel = incident.channelId().orElseThrow();
        app.command("access ReadOnly -- look", app.personWithUser("dana"), channel);
        AccessGrant asked = requests(incident).get(0);
        String outsider = app.person("outsider");
        app.slack.addMember(channel, outsider); // a click comes from someone in the channel

        app.click("access_grant", asked.id(), outsider, channel);

        assertThat(ephemeralTo(outsider, channel, "may grant")).startsWith("Only ").contains("<!subteam^" + app.groupId + ">",
                "<@" + app.soleApprover + ">").doesNotContain("commander");
        assertThat(app.bean(AccessGrantStore.class).find(asked.id()).orElseThrow().state())
                .isEqualTo(AccessState.REQUESTED);
    }

    @Test
    void anApproverMayNotGrantTheirOwnRequest() {
        Incident incident = app.declare("Own request sev2", app.person("cmd"));
        String channel = incident.channelId().orElseThrow();
        app.slack.addMember(channel, app.soleApprover);
        app.command("access ReadOnly -- my own", app.soleApprover, channel);
        AccessGrant asked = requests(incident).get(0);

        app.click("access_grant", asked.id(), app.soleApprover, channel);

        assertThat(ephemeralTo(app.soleApprover, channel, "someone else")).isEqualTo(
                "You asked for this access: someone else must grant it.");
        assertThat(app.bean(AccessGrantStore.class).find(asked.id()).orElseThrow().state())
                .isEqualTo(AccessState.REQUESTED);
    }

    @Test
    void theCommanderOfASev1MayGrantButNotOfASev2() {
        String commander = app.person("cmd");
        Incident sev2 = app.declare("Commander sev2", commander);
        Incident sev1 = app.declare("Commander sev1", commander);
        app.command("access ReadOnly -- two", app.personWithUser("dana"), sev2.channelId().orElseThrow());
        app.command("access ReadOnly -- one", app.personWithUser("ola"), sev1.channelId().orElseThrow());

        app.click("access_grant", requests(sev2).get(0).id(), commander, sev2.channelId().orElseThrow());
        app.click("access_grant", requests(sev1).get(0).id(), commander, sev1.channelId().orElseThrow());

        assertThat(ephemeralTo(commander, sev2.channelId().orElseThrow(), "may grant")).startsWith("Only ");
        app.slack.awaitCall("chat.postMessage", c -> sev1.channelId().get().equals(c.channel()) && c.text() != null
                && c.text().startsWith(":unlock:"), AccessApp.WAIT);
        assertThat(requests(sev1).get(0).state()).isEqualTo(AccessState.ACTIVE);
        assertThat(requests(sev2).get(0).state()).isEqualTo(AccessState.REQUESTED);
        new BreakGlassFlowTest().resolve(sev1, commander);
        assertThat(app.aws.holders(app.aws.readOnlyArn)).doesNotContain(requests(sev1).get(0).principalId().orElseThrow());
    }
}
