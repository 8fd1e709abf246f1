package dev.flightdeck.slots;

import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.slots.SlotExpiry;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.slack.deploy.slots.SlotSlackIds;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared slots through signed requests: claims take free slots or queue, the queue is served when a slot frees and the
 * new holder gets a DM, and a hold warns (with Extend and Release) before it expires and frees the slot.
 */
class SlotsEndToEndTest {

    final SlotsApp app = SlotsApp.shared();
    final DeployDriver d = app.driver;
    final FakeSlack slack = app.slack;

    @AfterEach
    void freeEverything() {
        SlotTestSupport.freeAll(app);
    }

    @Test
    void twoClaimsGetTwoSlotsAThirdIsQueuedAndGetsTheFirstSlotReleasedWithADm() throws IOException {
        String first = say("claim dev -- feature/emails", REQUESTER);
        assertThat(first).contains("<@" + REQUESTER + "> holds *DEV1* until", "(4h)", "_feature/emails_");
        String second = say("claim DEV for 2h", RUNNER);
        assertThat(second).contains("<@" + RUNNER + "> holds *DEV2* until", "(2h)");
        String third = say("claim dev -- <!channel> checkout & co", DEVELOPER);
        assertThat(third).contains("Every DEV slot is held (dev1 by <@" + REQUESTER + "> until",
                "dev2 by <@" + RUNNER + ">", "<@" + DEVELOPER + "> is *1st* in the DEV queue",
                "_@channel checkout &amp; co_", "a DM will say when a slot is yours");
        assertThat(say("claim dev", DEVELOPER)).isEqualTo("You are already in the DEV queue, 1st in line.");

        String status = say("status", OUTSIDER);
        assertThat(status).contains("*Shared slots*", "• *DEV1*: <@" + REQUESTER + "> until ", " — _feature/emails_",
                "• *DEV2*: <@" + RUNNER + "> until ", "• *SANDBOX1*: free",
                "• DEV queue: 1. <@" + DEVELOPER + "> — _@channel checkout &amp; co_");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/slots-status.txt"), status + "\n");

        assertThat(say("release dev1", OUTSIDER)).contains("DEV1 is held by <@" + REQUESTER + ">",
                "only they (or an approver of DEV1) can release it");
        String released = say("release dev1", REQUESTER);
        assertThat(released).contains(":unlock: *DEV1* is free; <@" + DEVELOPER
                + "> was next in the queue and holds it now until ");

        FakeSlack.Call dm = slack.awaitCall("chat.postMessage", c -> DEVELOPER.equals(c.channel()) && c.ok()
                && c.text() != null && c.text().contains("*DEV1* is yours now"), DeployDriver.WAIT);
        assertThat(dm.text()).contains("you were next in the DEV queue", "`/deploy release dev1`");
        assertThat(say("status", OUTSIDER)).contains("• *DEV1*: <@" + DEVELOPER + "> until ").doesNotContain("DEV queue");
        assertThat(app.bean(AuditLog.class).find(AuditQuery.newestFirst(50).ofTypes("slot.granted", "slot.queued",
                "slot.released"))).extracting(e -> e.type() + " " + e.actor())
                .contains("slot.granted " + REQUESTER, "slot.granted " + RUNNER, "slot.queued " + DEVELOPER,
                        "slot.released " + REQUESTER, "slot.granted system:slot-expiry");
    }

    @Test
    void aHoldWarnsHalfAnHourBeforeItsEndCanBeExtendedToMaxHoldAndThenFreesTheSlotForTheQueue() {
        String granted = say("claim sandbox for 1h", REQUESTER);
        assertThat(granted).contains("holds *SANDBOX1*");
        assertThat(say("claim sandbox1", RUNNER)).contains("SANDBOX1 is held", "*1st* in the SANDBOX queue");
        SlotExpiry expiry = app.bean(SlotExpiry.class);

        app.clock.advance(Duration.ofMinutes(29));
        expiry.runDue();
        assertThat(dmsTo(REQUESTER, "Your hold on *SANDBOX1* ends")).isEmpty();

        app.clock.advance(Duration.ofMinutes(2));
        expiry.runDue();
        expiry.runDue();
        FakeSlack.Call warning = slack.awaitCall("chat.postMessage", c -> REQUESTER.equals(c.channel()) && c.ok()
                && c.text() != null && c.text().contains("Your hold on *SANDBOX1* ends"), DeployDriver.WAIT);
        assertThat(warning.text()).contains("Extend keeps it another 1h (up to max-hold)");
        assertThat(warning.param("blocks")).contains(SlotSlackIds.SLOT_EXTEND, SlotSlackIds.SLOT_RELEASE);
        assertThat(dmsTo(REQUESTER, "Your hold on *SANDBOX1* ends")).hasSize(1);

        String dmChannel = warning.response().getAsJsonObject().get("channel").getAsString();
        String ts = warning.response().getAsJsonObject().get("ts").getAsString();
        String claimId = warning.param("blocks").replaceAll("(?s).*\"slot_actions:([0-9]+)\".*", "$1");
        click(SlotSlackIds.SLOT_EXTEND, claimId, RUNNER, dmChannel, ts);
        slack.awaitCall("chat.postMessage", c -> RUNNER.equals(c.channel()) && c.text() != null
                && c.text().contains("SANDBOX1 is held by <@" + REQUESTER + ">"), DeployDriver.WAIT);
        click(SlotSlackIds.SLOT_EXTEND, claimId, REQUESTER, dmChannel, ts);
        slack.awaitCall("chat.postMessage", c -> REQUESTER.equals(c.channel()) && c.text() != null
                && c.text().contains("SANDBOX1 is yours until") && c.text().contains("max-hold allows until"),
                DeployDriver.WAIT);

        // Extended to 2h, sandbox's max-hold: the next warning offers no Extend.
        app.clock.advance(Duration.ofMinutes(60));
        expiry.runDue();
        FakeSlack.Call last = slack.awaitCall("chat.postMessage", c -> REQUESTER.equals(c.channel()) && c.text() != null
                && c.text().contains("cannot be extended"), DeployDriver.WAIT);
        assertThat(last.param("blocks")).contains(SlotSlackIds.SLOT_RELEASE).doesNotContain(SlotSlackIds.SLOT_EXTEND);

        app.clock.advance(Duration.ofMinutes(30));
        expiry.runDue();
        slack.awaitCall("chat.postMessage", c -> REQUESTER.equals(c.channel()) && c.text() != null
                && c.text().contains("Your hold on *SANDBOX1* ended"), DeployDriver.WAIT);
        slack.awaitCall("chat.postMessage", c -> RUNNER.equals(c.channel()) && c.text() != null
                && c.text().contains("*SANDBOX1* is yours now"), DeployDriver.WAIT);
        assertThat(say("status", OUTSIDER)).contains("• *SANDBOX1*: <@" + RUNNER + "> until ");
        assertThat(app.bean(AuditLog.class).find(AuditQuery.newestFirst(50).ofTypes("slot.warned", "slot.extended",
                "slot.expired"))).extracting(e -> e.type()).contains("slot.warned", "slot.extended", "slot.expired");
    }

    @Test
    void badClaimsAreAnsweredAndChangeNothing() {
        assertThat(say("claim prod", REQUESTER)).isEqualTo(
                "`prod` is not a shared slot or pool. Pools: dev (dev1, dev2); sandbox (sandbox1).");
        assertThat(say("claim dev for 3d", REQUESTER)).contains("A hold in DEV lasts from 30m to 8h (its max-hold), not 3d");
        assertThat(say("claim dev for ever", REQUESTER)).contains("`for ever` is not a hold", "/deploy claim dev for 4h");
        assertThat(say("claim dve", REQUESTER)).contains("Unknown environment `dve`", "/deploy claim dev");
        assertThat(say("release dev2", REQUESTER)).isEqualTo("Nobody holds DEV2, and you are not waiting for it.");
        assertThat(say("status", OUTSIDER)).contains("• *DEV1*: free", "• *DEV2*: free");
    }

    private String say(String text, String user) {
        return d.command(text, user, slack.responseUrl()).json().getAsJsonObject().get("text").getAsString();
    }

    private List<FakeSlack.Call> dmsTo(String user, String containing) {
        return slack.calls("chat.postMessage").stream().filter(c -> user.equals(c.channel()) && c.text() != null
                && c.text().contains(containing)).toList();
    }

    private void click(String actionId, String value, String user, String channel, String ts) {
        var reply = d.signed().blockAction(actionId, SlotSlackIds.SLOT_ACTIONS_BLOCK + ":" + value, value, user, channel,
                ts, slack.responseUrl()).send(d.uri());
        assertThat(reply.status()).isEqualTo(200);
    }
}
