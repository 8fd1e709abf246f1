package dev.flightdeck.slack.deploy;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.testing.SignedRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.LEAD;
import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.incident.IncidentSlackIds;

/**
 * An incident at prod's freeze level (the example team file: freeze-at sev2, approvers @release-managers and
 * U0LEAD) holds prod's deploys; only its commander or a prod approver may lower it below that or resolve it.
 */
class FreezeLiftTest {

    final DeployDriver d = DeployDriver.shared();

    @Test
    void onlyTheCommanderOrAProdApproverMayLiftTheFreezeWhileAnyoneMayRaise() {
        for (String name : new String[] {"incidents", "status"}) {
            if (d.slack.channel(name).isEmpty()) {
                d.slack.addChannel(name);
            }
        }
        String title = "Freeze lift " + DeployDriver.newVersion();
        Matcher m = Pattern.compile("Declaring (INC-(\\d+))").matcher(text(incident("declare " + title + " sev2", DEVELOPER)));
        assertThat(m.find()).isTrue();
        String id = m.group(1);
        long number = Long.parseLong(m.group(2));

        assertThat(text(incident("severity sev1 " + id, OUTSIDER))).contains("sev2 → sev1");
        assertThat(text(incident("severity sev2 " + id, OUTSIDER))).contains("sev1 → sev2");

        SignedRequest.Reply lower = incident("severity sev3 " + id, OUTSIDER);
        assertThat(lower.json().getAsJsonObject().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(text(lower)).contains(id + " (sev2) freezes deploys to PROD", "Only its commander (<@" + DEVELOPER + ">)",
                "@release-managers", "<@" + LEAD + ">", "Nothing changed").doesNotContain("<!subteam");
        assertThat(found(number).severity().label()).isEqualTo("sev2");

        assertThat(text(incident("resolve " + id, OUTSIDER))).contains("Only its commander");
        var form = d.signed().viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, id, Map.of(
                IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Fine now.")), OUTSIDER).send(d.uri());
        assertThat(form.body()).contains("errors", "Only its commander");
        assertThat(found(number).isOpen()).isTrue();
        assertThat(d.slack.calls("views.open")).noneMatch(c -> c.param("view").contains(IncidentSlackIds.INCIDENT_RESOLVE_MODAL)
                && c.param("view").contains(id));

        // RM2 is an approver through the @release-managers user group.
        assertThat(text(incident("severity sev3 " + id, RM2))).contains("sev2 → sev3");
        assertThat(text(incident("severity sev2 " + id, OUTSIDER))).contains("sev3 → sev2");
        var resolved = d.signed().viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, id, Map.of(
                IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Fine now.")), DEVELOPER).send(d.uri());
        assertThat(resolved.body()).doesNotContain("errors");
        assertThat(found(number).isOpen()).isFalse();
    }

    private SignedRequest.Reply incident(String text, String user) {
        SignedRequest.Reply reply = d.signed().slashCommand("/incident", text, user, d.commandChannel,
                d.slack.responseUrl()).send(d.uri());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    private static String text(SignedRequest.Reply reply) {
        return reply.json().getAsJsonObject().get("text").getAsString();
    }

    private Incident found(long number) {
        return d.context().getBean(IncidentService.class).find(number).orElseThrow();
    }
}
