package dev.flightdeck.envconfig.change.secrecy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.slack.deploy.DeployDriver;
import com.google.gson.JsonParser;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.SignedRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a secret proposal as people do, through signed requests only: the command, the form's submission, an
 * approver's go. Keeps every answer Flightdeck gave to Slack's requests (acks), which are no FakeSlack call.
 */
final class SecretProposals {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String PROPOSER = DeployDriver.REQUESTER;
    /** An approver of prod in the example team file (approvers: ["@release-managers", U0LEAD]). */
    static final String APPROVER = DeployDriver.LEAD;

    private final ConfigChangeApp app;
    final String channel;
    final List<String> acks = new ArrayList<>();

    SecretProposals(ConfigChangeApp app) {
        this.app = app;
        DeployDriver.seed(app.slack);
        this.channel = app.slack.channel("deploys").orElseThrow().id();
    }

    /** The request message's go button, once the request is posted. */
    record Posted(long changeId, String channel, String ts) {
    }

    /** {@code /deploy config set mail prod <key>}, then the form's submission with {@code value}. */
    Posted propose(String key, String value) {
        String metadata = null;
        // The form must open within Slack's 3 seconds of the command: a cold first read of AWS on a loaded machine
        // can miss that, and Flightdeck then asks for the command again, as a person would be asked.
        for (int attempt = 0; attempt < 3 && metadata == null; attempt++) {
            String responseUrl = app.slack.responseUrl();
            SignedRequest.Reply reply = app.signed.slashCommand("/deploy", "config set mail prod " + key, PROPOSER,
                    channel, responseUrl).send(app.server.getURI());
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            acks.add(reply.body());
            metadata = awaitForm(key, responseUrl).orElse(null);
        }
        assertThat(metadata).as("the value form of " + key + " opened").isNotNull();
        SignedRequest.Reply submitted = app.signed.viewSubmission("config_change", metadata,
                Map.of("value", Map.of("value", value)), PROPOSER).send(app.server.getURI());
        acks.add(submitted.body());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        FakeSlack.Call request = app.slack.awaitCall("chat.postMessage", c -> c.ok() && c.param("thread_ts") == null
                && c.allText().contains(key) && goButton(c).isPresent(), WAIT);
        JsonObject response = request.response();
        return new Posted(Long.parseLong(goButton(request).orElseThrow()), response.get("channel").getAsString(),
                response.get("ts").getAsString());
    }

    /** The approver's go; returns the first thread message that tells how the write went. */
    FakeSlack.Call go(Posted posted, String key) {
        String responseUrl = app.slack.responseUrl();
        SignedRequest.Reply reply = app.signed.blockAction("config_go", "config_actions:" + posted.changeId(),
                Long.toString(posted.changeId()), APPROVER, posted.channel(), posted.ts(), responseUrl)
                .send(app.server.getURI());
        acks.add(reply.body());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return app.slack.awaitCall("chat.postMessage", c -> c.ok() && posted.ts().equals(c.param("thread_ts"))
                && (c.allText().contains("Written") || c.allText().contains("write failed")
                || c.allText().contains("Nothing written")), WAIT);
    }

    /** The form's private_metadata, or empty when Flightdeck answered that the command must be typed again. */
    private Optional<String> awaitForm(String key, String responseUrl) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<FakeSlack.Call> open = app.slack.calls("views.open").stream()
                    .filter(c -> c.ok() && metadataOf(c).map(m -> m.contains("\"" + key + "\"")).orElse(false)).findFirst();
            if (open.isPresent()) {
                return metadataOf(open.get());
            }
            if (!app.slack.responsesTo(responseUrl).isEmpty()) {
                String said = app.slack.responsesTo(responseUrl).get(0).allText();
                assertThat(said).as("Flightdeck's answer to the command").contains("type the command again");
                return Optional.empty();
            }
            // Waits on FakeSlack's condition for the next call of either kind (no sleeping).
            try {
                app.slack.awaitCall("views.open", c -> c.ok() && metadataOf(c).map(m -> m.contains("\"" + key + "\""))
                        .orElse(false), Duration.ofMillis(500));
            } catch (AssertionError notYet) {
                // looked again above
            }
        }
        return Optional.empty();
    }

    private static Optional<String> metadataOf(FakeSlack.Call call) {
        String raw = call.param("view");
        JsonElement view;
        try {
            view = raw == null ? null : JsonParser.parseString(raw);
        } catch (RuntimeException notJson) {
            view = null;
        }
        if (view == null || !view.isJsonObject() || !view.getAsJsonObject().has("private_metadata")) {
            return Optional.empty();
        }
        return Optional.of(view.getAsJsonObject().get("private_metadata").getAsString());
    }

    /** The value of the message's config_go button (the change id). */
    static Optional<String> goButton(FakeSlack.Call call) {
        return call.blocks() == null ? Optional.empty() : findAction(call.blocks(), "config_go");
    }

    private static Optional<String> findAction(JsonElement e, String actionId) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (o.has("action_id") && actionId.equals(o.get("action_id").getAsString()) && o.has("value")) {
                return Optional.of(o.get("value").getAsString());
            }
            for (var entry : o.entrySet()) {
                Optional<String> found = findAction(entry.getValue(), actionId);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                Optional<String> found = findAction(item, actionId);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
