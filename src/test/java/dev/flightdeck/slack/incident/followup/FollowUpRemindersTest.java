package dev.flightdeck.slack.incident.followup;

import com.google.gson.GsonBuilder;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpReminders;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUpStore;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.flightdeck.slack.incident.followup.FollowUpsApp.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's reminder DM: sent on the due day (09:00 UTC) once, whatever the number of runs or replicas, then weekly
 * while the follow-up stays open, with the buttons Done and Snooze a week; clicking either changes the follow-up and
 * the reminders. The clock only moves forward here (the app is this feature's own); the DM as Slack received it is
 * written to target/followup-dm.txt for the closing note.
 */
class FollowUpRemindersTest {

    final FollowUpsApp app = FollowUpsApp.shared();
    final FakeSlack slack = app.slack;

    LocalDate today() {
        return LocalDate.ofInstant(app.clock.instant(), ZoneOffset.UTC);
    }

    /** Moves the app's clock forward to {@code day} at hh:mm UTC. */
    void moveTo(LocalDate day, int hour, int minute) {
        Instant target = day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
        Duration by = Duration.between(app.clock.instant(), target);
        assertThat(by).as("the clock only moves forward").isPositive();
        app.clock.advance(by);
    }

    int runReminders() {
        return app.bean(FollowUpReminders.class).runDue();
    }

    /** Reminder DMs Slack took for this follow-up (posted to its owner's id; Slack opens the DM). */
    List<FakeSlack.Call> dms(FollowUp f) {
        return slack.calls("chat.postMessage").stream().filter(c -> c.ok() && f.owner().equals(c.channel())
                && c.text() != null && c.allText().contains("Follow-up #" + f.id() + " ")).toList();
    }

    List<FakeSlack.Call> awaitDms(FollowUp f, int count) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until && dms(f).size() < count) {
            FollowUpFlowTest.sleep();
        }
        return dms(f);
    }

    FollowUp made(String text, String owner, LocalDate due) {
        String ic = app.user("ic");
        Incident incident = app.declare("Reminders for " + text, ic, app.channel("war-room", ic));
        app.command("follow-up " + text + " <@" + owner + "> due " + due, ic, incident.channelId().orElseThrow());
        List<FollowUp> all = app.bean(FollowUpStore.class).ofIncident(incident.number());
        assertThat(all).hasSize(1);
        // Let the work after the ack (the issue, the card) finish before the clock jumps days ahead.
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until && app.bean(FollowUpStore.class).find(all.get(0).id()).orElseThrow().export()
                .state() != FollowUp.ExportState.DONE) {
            FollowUpFlowTest.sleep();
        }
        slack.awaitCall("chat.update", c -> c.ok() && c.channel().equals(incident.channelId().orElseThrow())
                && c.allText().contains("Follow-ups"), WAIT);
        return app.bean(FollowUpStore.class).find(all.get(0).id()).orElseThrow();
    }

    @Test
    void theOwnerIsRemindedOnTheDueDayOnceThenWeeklyUntilDone() throws Exception {
        String owner = app.user("owner");
        LocalDate due = today().plusDays(2);
        FollowUp f = made("Write the queue backlog runbook", owner, due);

        moveTo(due.minusDays(1), 9, 30);
        runReminders();
        assertThat(dms(f)).as("the day before it is due").isEmpty();

        // The due day: two replicas and a late run, one DM.
        moveTo(due, 9, 0);
        FollowUpReminders reminders = app.bean(FollowUpReminders.class);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(reminders::runDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(reminders::runDue);
        a.join();
        b.join();
        runReminders();
        List<FakeSlack.Call> sent = awaitDms(f, 1);
        Thread.sleep(300); // a second DM, if one were queued, would be delivered by now
        sent = dms(f);
        assertThat(sent).hasSize(1);
        FakeSlack.Call dm = sent.get(0);
        assertThat(dm.allText()).contains("Due today", "Follow-up #" + f.id(), "Write the queue backlog runbook",
                "/incidents/" + f.incidentNumber());
        assertThat(dm.blocks().toString()).contains(FollowUpSlackIds.DONE, FollowUpSlackIds.SNOOZE,
                "\"value\":\"" + f.id() + "\"", "Snooze a week");
        writeForTheClosingNote(dm);

        // Still open a week later: one more, saying it is overdue.
        moveTo(due.plusDays(7), 9, 5);
        runReminders();
        runReminders();
        List<FakeSlack.Call> overdue = awaitDms(f, 2);
        assertThat(overdue).hasSize(2);
        assertThat(overdue.get(1).allText()).contains("Overdue since " + due);

        // Done from the DM: closed by its owner, and no more reminders.
        String responseUrl = slack.responseUrl();
        String dmChannel = overdue.get(1).response().get("channel").getAsString();
        app.signed.blockAction(FollowUpSlackIds.DONE, FollowUpSlackIds.DM_ACTIONS, Long.toString(f.id()), owner,
                dmChannel, overdue.get(1).response().get("ts").getAsString(), responseUrl).send(app.server.getURI());
        assertThat(slack.awaitResponse(responseUrl, WAIT).text()).contains("Follow-up #" + f.id(), "is done");
        FollowUp done = app.bean(FollowUpStore.class).find(f.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(FollowUpState.DONE);
        assertThat(done.closedBy()).contains(owner);
        assertThat(done.nextRemindAt()).isEmpty();

        // A second click says it was already done, and changes nothing.
        String again = slack.responseUrl();
        app.signed.blockAction(FollowUpSlackIds.DONE, FollowUpSlackIds.DM_ACTIONS, Long.toString(f.id()), owner,
                dmChannel, overdue.get(1).response().get("ts").getAsString(), again).send(app.server.getURI());
        assertThat(slack.awaitResponse(again, WAIT).text()).contains("already done");

        moveTo(due.plusDays(14), 9, 5);
        runReminders();
        Thread.sleep(300);
        assertThat(dms(f)).hasSize(2);
    }

    @Test
    void snoozingMovesTheDueDayAWeekAndTheReminderWithIt() throws Exception {
        String owner = app.user("owner");
        LocalDate due = today().plusDays(1);
        FollowUp f = made("Add a canary for the EU queue", owner, due);
        moveTo(due, 9, 1);
        runReminders();
        FakeSlack.Call dm = awaitDms(f, 1).get(0);

        String responseUrl = slack.responseUrl();
        app.signed.blockAction(FollowUpSlackIds.SNOOZE, FollowUpSlackIds.DM_ACTIONS, Long.toString(f.id()), owner,
                dm.response().get("channel").getAsString(), dm.response().get("ts").getAsString(), responseUrl)
                .send(app.server.getURI());

        assertThat(slack.awaitResponse(responseUrl, WAIT).text()).contains("snoozed", "due " + due.plusDays(7));
        FollowUp snoozed = app.bean(FollowUpStore.class).find(f.id()).orElseThrow();
        assertThat(snoozed.due()).isEqualTo(due.plusDays(7));
        assertThat(snoozed.state()).isEqualTo(FollowUpState.OPEN);
        moveTo(due.plusDays(6), 9, 30);
        runReminders();
        Thread.sleep(200);
        assertThat(dms(f)).as("nothing before the new due day").hasSize(1);
        moveTo(due.plusDays(7), 9, 0);
        runReminders();
        assertThat(awaitDms(f, 2)).hasSize(2);
        assertThat(dms(f).get(1).allText()).contains("Due today");
    }

    private static void writeForTheClosingNote(FakeSlack.Call dm) throws IOException {
        String blocks = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(dm.blocks());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/followup-dm.txt"), "The follow-up reminder DM as Slack received it "
                + "(chat.postMessage to the owner)\n\ntext: " + dm.text() + "\n\nblocks:\n" + blocks + "\n");
    }
}
