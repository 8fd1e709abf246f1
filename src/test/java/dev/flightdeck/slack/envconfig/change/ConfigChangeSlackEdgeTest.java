package dev.flightdeck.slack.envconfig.change;

import dev.flightdeck.envconfig.change.ChangeNews;
import dev.flightdeck.envconfig.change.ChangeState;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static dev.flightdeck.slack.envconfig.change.ChangeTestData.NEW_URL;
import static dev.flightdeck.slack.envconfig.change.ChangeTestData.OLD_URL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Slack side of config changes through the real edge and the outbox, with no use case behind it: bad input is
 * answered and reaches nothing, the request is posted, redrawn and announced as the channel sees it.
 */
class ConfigChangeSlackEdgeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    // Far above the ids the flow's tests get from the database, so their messages are not confused with these.
    private static final AtomicLong IDS = new AtomicLong(9_000_000 + (System.nanoTime() % 100_000) * 10);

    private static ConfigChangeApp app;
    private static String commands;

    @BeforeAll
    static void start() {
        app = ConfigChangeApp.shared();
        DeployDriver.seed(app.slack);
        commands = app.slack.channel("deploy-commands").orElseThrow().id();
    }

    private SignedRequest.Reply command(String text, String user) {
        SignedRequest.Reply reply = app.signed.slashCommand("/deploy", text, user, commands, app.slack.responseUrl())
                .send(app.server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    @Test
    void aRevertWithoutANumberGetsTheUsageLine() {
        SignedRequest.Reply reply = command("config revert latest", DeployDriver.REQUESTER);

        assertThat(reply.json().getAsJsonObject().get("text").getAsString()).contains("`latest` is not a change number").contains("/deploy config revert &lt;change-id&gt;");
    }

    @Test
    void anEmptyValueIsAnsweredInTheFormAndProposesNothing() {
        String meta = new ChangeFormMetadata("mail", "prod", "EMAIL_QUEUE_URL", commands, DeployDriver.REQUESTER).encode();
        SignedRequest.Reply reply = app.signed.viewSubmission(ConfigChangeSlackIds.CHANGE_MODAL, meta,
                Map.of("value", Map.of("value", "   ")), DeployDriver.REQUESTER).send(app.server.getURI());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getAsJsonObject().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(reply.json().getAsJsonObject().getAsJsonObject("errors").get("value").getAsString())
                .contains("Type the new value");
    }

    @Test
    void aFormSubmittedBySomeoneElseThanWhoOpenedItIsRefusedInTheForm() {
        String meta = new ChangeFormMetadata("mail", "prod", "EMAIL_QUEUE_URL", commands, DeployDriver.REQUESTER).encode();
        SignedRequest.Reply reply = app.signed.viewSubmission(ConfigChangeSlackIds.CHANGE_MODAL, meta,
                Map.of("value", Map.of("value", "made-up-value-1")), DeployDriver.OUTSIDER).send(app.server.getURI());

        assertThat(reply.json().getAsJsonObject().getAsJsonObject("errors").get("value").getAsString())
                .contains("out of date");
    }

    @Test
    void theRequestIsPostedRedrawnAndTheWriteAnnouncedInTheChannel() {
        SlackConfigChangeNews news = app.bean(SlackConfigChangeNews.class);
        long id = IDS.incrementAndGet();
        ConfigChange proposed = ChangeTestData.plain(id, OLD_URL, NEW_URL, ChangeState.PROPOSED, false);
        proposed = at(proposed, Optional.empty());

        Optional<ConfigChange.Message> posted = news.post(proposed);

        assertThat(posted).isPresent();
        String channel = posted.get().channelId();
        String ts = posted.get().ts();
        assertThat(app.slack.channel("deploys").orElseThrow().id()).isEqualTo(channel);
        FakeSlack.Call post = app.slack.awaitCall("chat.postMessage", c -> c.ok() && c.text() != null
                && c.text().startsWith("I'm about to change EMAIL_QUEUE_URL of commons in PROD") && c.allText().contains("#" + id + ":"), WAIT);
        assertThat(post.text()).endsWith("am I clear to go?").contains("<@U0LEAD>");

        ConfigChange applied = at(ChangeTestData.plain(id, OLD_URL, NEW_URL, ChangeState.APPLIED, false), posted);
        news.changed(applied, new ChangeNews.Applied(DeployDriver.RM1, "3", "4"));

        FakeSlack.Call update = app.slack.awaitCall("chat.update", c -> ts.equals(c.param("ts")), WAIT);
        assertThat(update.allText()).contains("APPLIED");
        assertThat(update.blocks().toString()).doesNotContain("config_go");
        app.slack.awaitCall("chat.postMessage", c -> ts.equals(c.param("thread_ts")) && c.text().contains("Written"), WAIT);
        FakeSlack.Call announced = app.slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") == null
                && c.text() != null && c.text().startsWith("PROD: config EMAIL_QUEUE_URL of commons changed by"), WAIT);
        assertThat(announced.text()).isEqualTo("PROD: config EMAIL_QUEUE_URL of commons changed by <@" + DeployDriver.RM1
                + "> (version 3 → 4)");
    }

    @Test
    void aFailedWriteOffersRetryAndANudgePingsTheApproversInTheThread() {
        SlackConfigChangeNews news = app.bean(SlackConfigChangeNews.class);
        long id = IDS.incrementAndGet();
        ConfigChange proposed = at(ChangeTestData.plain(id, OLD_URL, NEW_URL, ChangeState.PROPOSED, false), Optional.empty());
        ConfigChange.Message m = news.post(proposed).orElseThrow();

        news.changed(at(proposed, Optional.of(m)), new ChangeNews.Nudged(1));
        FakeSlack.Call nudge = app.slack.awaitCall("chat.postMessage", c -> m.ts().equals(c.param("thread_ts"))
                && c.text().contains("still waiting"), WAIT);
        assertThat(nudge.text()).contains("<@U0LEAD>");

        ConfigChange failed = at(ChangeTestData.plain(id, OLD_URL, NEW_URL, ChangeState.FAILED, false), Optional.of(m));
        news.changed(failed, new ChangeNews.WriteFailed("SSM answered AccessDeniedException"));
        FakeSlack.Call update = app.slack.awaitCall("chat.update", c -> m.ts().equals(c.param("ts"))
                && c.allText().contains("FAILED"), WAIT);
        assertThat(update.blocks().toString()).contains("config_retry").contains("config_cancel").doesNotContain("config_go");
        app.slack.awaitCall("chat.postMessage", c -> m.ts().equals(c.param("thread_ts"))
                && c.text().contains("The write failed: SSM answered AccessDeniedException"), WAIT);
    }

    /** The test data's change with the message where it is (or nowhere yet). */
    private static ConfigChange at(ConfigChange c, Optional<ConfigChange.Message> message) {
        return new ConfigChange(c.id(), c.target(), c.kind(), c.value(), c.proposerId(), c.state(), List.of(), c.rules(),
                c.blocked(), c.override(), c.revertOf(), c.timers(), message, c.newVersion(), c.outcome());
    }
}
