package dev.flightdeck.slack.incident.followup;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpExports;
import dev.flightdeck.incident.followup.FollowUpStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.slack.incident.followup.FollowUpsApp.WAIT;
import static dev.flightdeck.slack.incident.followup.FollowUpsApp.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /incident follow-up} refusals (each a clear answer that changes nothing), naming the incident from another
 * channel, {@code /incident follow-ups [@owner|all]}, and an export GitHub refused at first, retried until it lands.
 */
class FollowUpCommandsTest {

    final FollowUpsApp app = FollowUpsApp.shared();

    LocalDate today() {
        return LocalDate.ofInstant(app.clock.instant(), ZoneOffset.UTC);
    }

    FollowUpStore store() {
        return app.bean(FollowUpStore.class);
    }

    int count() {
        return store().all(Optional.empty(), 100_000).size();
    }

    @Test
    void badInputGetsAClearAnswerAndChangesNothing() {
        String ic = app.user("ic");
        Incident incident = app.declare("Bad input", ic, app.channel("war-room", ic));
        String channel = incident.channelId().orElseThrow();
        int before = count();

        assertThat(text(app.command("follow-up Fix it due " + today().minusDays(1), ic, channel)))
                .contains("is in the past", "today is " + today());
        assertThat(text(app.command("follow-up Fix it due 2027-02-30", ic, channel)))
                .contains("`2027-02-30` is not a day", "YYYY-MM-DD");
        assertThat(text(app.command("follow-up Fix it due tomorrow", ic, channel))).contains("is not a day");
        assertThat(text(app.command("follow-up Fix it due", ic, channel))).contains("Due when?");
        assertThat(text(app.command("follow-up", ic, channel))).contains("What is to be done?");
        assertThat(text(app.command("follow-up <@" + ic + "> due " + today().plusDays(3), ic, channel)))
                .contains("What is to be done?");
        assertThat(text(app.command("follow-up " + "x".repeat(2001), ic, channel))).contains("2001 characters");
        String elsewhere = app.channel("random", ic);
        assertThat(text(app.command("follow-up Fix it", ic, elsewhere))).contains("This is not an incident channel");
        assertThat(text(app.command("follow-up INC-999999 Fix it", ic, elsewhere))).contains("INC-999999 does not exist");
        assertThat(text(app.command("follow-ups bogus", ic, elsewhere))).contains("is not expected");

        assertThat(count()).isEqualTo(before);
        assertThat(store().ofIncident(incident.number())).isEmpty();
    }

    @Test
    void anIncidentIsNamedFromAnotherChannelAndTypedTextPingsNobody() {
        String ic = app.user("ic");
        Incident incident = app.declare("Named from elsewhere", ic, app.channel("war-room", ic));
        String elsewhere = app.channel("random", ic);

        String answer = text(app.command("follow-up " + incident.id() + " Tell <!here> about <https://x.test|the fix>",
                ic, elsewhere));

        List<FollowUp> all = store().ofIncident(incident.number());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).owner()).isEqualTo(ic);
        assertThat(answer).contains("added to " + incident.id()).doesNotContain("<!here>");
        app.slack.awaitCall("chat.update", c -> c.ok() && c.channel().equals(incident.channelId().orElseThrow())
                && c.allText().contains("Tell @here about"), WAIT);
    }

    @Test
    void followUpsListsYoursSomeonesOrEveryonesOpenOnes() {
        String ic = app.user("ic");
        String kim = app.user("kim");
        Incident one = app.declare("List one", ic, app.channel("war-room", ic));
        Incident two = app.declare("List two", ic, app.channel("war-room", ic));
        app.command("follow-up Mine on one", ic, one.channelId().orElseThrow());
        app.command("follow-up Kim's on two <@" + kim + ">", ic, two.channelId().orElseThrow());
        String elsewhere = app.channel("random", ic, kim);

        String mine = text(app.command("follow-ups", ic, elsewhere));
        assertThat(mine).contains(one.id(), "Mine on one").doesNotContain("Kim's on two");
        String kims = text(app.command("follow-ups <@" + kim + ">", ic, elsewhere));
        assertThat(kims).contains(two.id(), "Kim&#39;s on two".replace("&#39;", "'")).doesNotContain("Mine on one");
        String everyone = text(app.command("follow-ups all", ic, elsewhere));
        assertThat(everyone).contains("Mine on one", "Kim's on two");
        String nobody = text(app.command("follow-ups", app.user("new"), elsewhere));
        assertThat(nobody).contains("No open follow-ups");
    }

    @Test
    void anExportGitHubRefusesIsRetriedWithBackoffAndLandsOnce() {
        String ic = app.user("ic");
        Incident incident = app.declare("GitHub is down", ic, app.channel("war-room", ic));
        app.issues.failNext(502);

        app.command("follow-up Retry me", ic, incident.channelId().orElseThrow());

        FollowUp f = store().ofIncident(incident.number()).get(0);
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until && store().find(f.id()).orElseThrow().export().lastError().isEmpty()) {
            FollowUpFlowTest.sleep();
        }
        FollowUp failed = store().find(f.id()).orElseThrow();
        assertThat(failed.export().state()).isEqualTo(FollowUp.ExportState.PENDING);
        assertThat(failed.export().lastError()).hasValueSatisfying(e -> assertThat(e).contains("502"));
        assertThat(app.issues.issuesWithLabel(incident.id())).isEmpty();
        FollowUpExports exports = app.bean(FollowUpExports.class);
        exports.runDue();
        assertThat(app.issues.issuesWithLabel(incident.id())).as("not before the backoff").isEmpty();

        app.clock.advance(Duration.ofSeconds(61));
        exports.runDue();
        exports.runDue();

        assertThat(app.issues.issuesWithLabel(incident.id())).hasSize(1);
        FollowUp exported = store().find(f.id()).orElseThrow();
        assertThat(exported.export().state()).isEqualTo(FollowUp.ExportState.DONE);
        assertThat(exported.export().attempts()).isEqualTo(2);
    }
}
