package dev.flightdeck.slack.envconfig.change;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives config changes through the real edge: the command, the form, the buttons; reads Slack and moto back. */
final class ChangeFlowDriver {

    static final Duration WAIT = Duration.ofSeconds(30);

    final ConfigChangeApp app;
    final String commands;

    ChangeFlowDriver() {
        app = ConfigChangeApp.shared();
        DeployDriver.seed(app.slack);
        commands = app.slack.channel("deploy-commands").orElseThrow().id();
    }

    /** Where a request landed, and its id (from its buttons). */
    record Posted(long id, String channel, String ts, FakeSlack.Call call) {
    }

    /** A queue URL the mail service's pattern accepts in {@code env}, never the same twice. */
    static String validQueue(String env) {
        return "https://sqs.us-east-1.amazonaws.com/" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L)
                + "/mail-" + env + "-emails";
    }

    void putParameter(String name, String value) {
        try (SsmClient ssm = app.ssm()) {
            ssm.putParameter(r -> r.name(name).value(value).type(ParameterType.STRING).overwrite(true));
        }
    }

    String parameter(String name) {
        try (SsmClient ssm = app.ssm()) {
            return ssm.getParameter(r -> r.name(name)).parameter().value();
        }
    }

    long version(String name) {
        try (SsmClient ssm = app.ssm()) {
            return ssm.getParameter(r -> r.name(name)).parameter().version();
        }
    }

    /** Creates or overwrites the Secrets Manager secret {@code name} with this JSON. */
    void putSecret(String name, String json) {
        try (SecretsManagerClient sm = app.secretsManager()) {
            try {
                sm.putSecretValue(r -> r.secretId(name).secretString(json));
            } catch (ResourceNotFoundException e) {
                sm.createSecret(r -> r.name(name).secretString(json));
            }
        }
    }

    String secret(String name) {
        try (SecretsManagerClient sm = app.secretsManager()) {
            return sm.getSecretValue(r -> r.secretId(name)).secretString();
        }
    }

    SignedRequest.Reply command(String text, String user) {
        SignedRequest.Reply reply = app.signed.slashCommand("/deploy", text, user, commands, app.slack.responseUrl())
                .send(app.server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    /** {@code /deploy config set}, then the form it opens, filled with {@code value} and submitted. */
    Posted propose(String env, String key, String value, String user) {
        Set<FakeSlack.Call> before = new HashSet<>(app.slack.calls("chat.postMessage"));
        JsonObject view = openForm(env, key, user);
        SignedRequest.Reply reply = app.signed.viewSubmission(ConfigChangeSlackIds.CHANGE_MODAL,
                view.get("private_metadata").getAsString(), Map.of("value", Map.of("value", value)), user)
                .send(app.server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return awaitRequest(before, "I'm about to change " + key + " of mail in " + env.toUpperCase());
    }

    /** The form opened by {@code /deploy config set mail <env> <key>}, as Flightdeck sent it to views.open. */
    JsonObject openForm(String env, String key, String user) {
        Set<FakeSlack.Call> before = new HashSet<>(app.slack.calls("views.open"));
        long asked = System.nanoTime();
        String ack = command("config set mail " + env + " " + key, user).json().getAsJsonObject().get("text").getAsString();
        long acked = System.nanoTime();
        assertThat(ack).contains("Checking");
        FakeSlack.Call open = app.slack.awaitCall("views.open", c -> !before.contains(c) && c.param("view") != null
                && c.param("view").contains(key), WAIT);
        // For the lead: Slack's trigger id lasts 3 s from the command; this is how much of it reading moto took.
        System.out.println("=== config set " + key + ": ack after " + (acked - asked) / 1_000_000 + " ms, views.open after "
                + (System.nanoTime() - asked) / 1_000_000 + " ms ===");
        JsonObject view = JsonParser.parseString(open.param("view")).getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo(ConfigChangeSlackIds.CHANGE_MODAL);
        return view;
    }

    Posted awaitRequest(Set<FakeSlack.Call> before, String textStart) {
        FakeSlack.Call post = app.slack.awaitCall("chat.postMessage", c -> !before.contains(c) && c.ok()
                && c.param("thread_ts") == null && c.text() != null && c.text().startsWith(textStart), WAIT);
        JsonObject response = post.response();
        String blocks = post.blocks().toString();
        var m = java.util.regex.Pattern.compile("config_actions:([0-9]+)").matcher(blocks);
        assertThat(m.find()).as("the request's buttons").isTrue();
        return new Posted(Long.parseLong(m.group(1)), response.get("channel").getAsString(),
                response.get("ts").getAsString(), post);
    }

    Set<FakeSlack.Call> postsSoFar() {
        return new HashSet<>(app.slack.calls("chat.postMessage"));
    }

    SignedRequest.Reply click(String actionId, Posted p, String user) {
        SignedRequest.Reply reply = app.signed.blockAction(actionId, ConfigChangeSlackIds.ACTIONS_BLOCK + ":" + p.id(),
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

    FakeSlack.Call awaitUpdate(Posted p, Predicate<FakeSlack.Call> matching) {
        return app.slack.awaitCall("chat.update", c -> p.ts().equals(c.param("ts")) && matching.test(c), WAIT);
    }

    List<FakeSlack.Call> threadReplies(Posted p, String containing) {
        return app.slack.calls("chat.postMessage").stream().filter(c -> p.ts().equals(c.param("thread_ts"))
                && c.text() != null && c.text().contains(containing)).toList();
    }

    /** Every text Flightdeck sent to Slack, for "never appears" assertions. */
    String everythingSentToSlack() {
        StringBuilder all = new StringBuilder();
        for (FakeSlack.Call c : app.slack.calls()) {
            all.append(c.rawBody() == null ? "" : c.rawBody()).append('\n');
            c.params().values().forEach(v -> all.append(v).append('\n'));
        }
        return all.toString();
    }

    static String text(JsonElement reply) {
        return reply.getAsJsonObject().get("text").getAsString();
    }
}
