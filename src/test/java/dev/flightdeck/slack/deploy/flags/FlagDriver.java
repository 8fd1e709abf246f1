package dev.flightdeck.slack.deploy.flags;

import dev.flightdeck.deploy.flags.FlagsApp;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives flag requests through the real edge: the command, the buttons; reads Slack back. */
final class FlagDriver {

    static final Duration WAIT = Duration.ofSeconds(30);

    final FlagsApp app = FlagsApp.shared();
    final String commands;

    FlagDriver() {
        DeployDriver.seed(app.slack);
        commands = app.slack.channel("deploy-commands").orElseThrow().id();
    }

    /** Where a request landed, and its id (from its buttons block, or the FL- number in its text). */
    record Posted(long id, String channel, String ts, FakeSlack.Call call) {
    }

    static String uniqueKey(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 10_000_000_000L, 36);
    }

    /** {@code /deploy <text>} by {@code user}; the response URL its after-ack answer goes to. */
    String command(String text, String user) {
        String url = app.slack.responseUrl();
        SignedRequest.Reply reply = app.signed.slashCommand("/deploy", text, user, commands, url).send(app.server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return url;
    }

    /** The command's immediate answer (a refused command is answered in the ack itself). */
    String ack(String text, String user) {
        SignedRequest.Reply reply = app.signed.slashCommand("/deploy", text, user, commands, app.slack.responseUrl())
                .send(app.server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    String answer(String responseUrl) {
        return app.slack.awaitResponse(responseUrl, WAIT).text();
    }

    Set<FakeSlack.Call> postsSoFar() {
        return new HashSet<>(app.slack.calls("chat.postMessage"));
    }

    Posted awaitRequest(Set<FakeSlack.Call> before, String textStart) {
        FakeSlack.Call post = app.slack.awaitCall("chat.postMessage", c -> !before.contains(c) && c.ok()
                && c.param("thread_ts") == null && c.text() != null && c.text().startsWith(textStart), WAIT);
        var m = java.util.regex.Pattern.compile("flag request FL-([0-9]+)").matcher(post.blocks().toString());
        assertThat(m.find()).as("the request's number").isTrue();
        return new Posted(Long.parseLong(m.group(1)), post.response().get("channel").getAsString(),
                post.response().get("ts").getAsString(), post);
    }

    SignedRequest.Reply click(String actionId, Posted p, String user) {
        SignedRequest.Reply reply = app.signed.blockAction(actionId, FlagSlackIds.ACTIONS_BLOCK + ":" + p.id(),
                String.valueOf(p.id()), user, p.channel(), p.ts(), app.slack.responseUrl()).send(app.server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    FakeSlack.Call awaitEphemeral(String user, String containing) {
        return app.slack.awaitCall("chat.postEphemeral", c -> c.ok() && user.equals(c.param("user")) && c.text() != null
                && c.text().contains(containing), WAIT);
    }

    FakeSlack.Call awaitThread(Posted p, String containing) {
        return app.slack.awaitCall("chat.postMessage", c -> p.ts().equals(c.param("thread_ts")) && c.text() != null
                && c.text().contains(containing), WAIT);
    }

    FakeSlack.Call awaitChannelLine(String start) {
        return app.slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") == null && c.text() != null
                && c.text().startsWith(start), WAIT);
    }
}
