package dev.flightdeck.testing;

import com.google.gson.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static dev.flightdeck.testing.FakeJson.obj;

/**
 * Builds signed Slack requests (slash commands, button clicks, modal submissions, events) the way Slack
 * signs them: {@code v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + body))}. Immutable: variants such as
 * {@link #signedWith(String)} and {@link #skewedBy(Duration)} return new instances.
 */
public final class SignedRequests {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    private final String secret;
    private final Clock clock;
    private final Duration skew;
    private final Workspace ws;

    /** The ids requests carry; {@link #forWorkspace(FakeSlack)} takes them from a FakeSlack. */
    public record Workspace(String teamId, String teamDomain, String appId, String botUserId) {}

    public SignedRequests(String signingSecret) { this(signingSecret, Clock.systemUTC()); }

    /** Pass the app's (e.g. mutable) clock so timestamps are "now" for the verifier. */
    public SignedRequests(String signingSecret, Clock clock) {
        this(signingSecret, clock, Duration.ZERO, new Workspace("T0FLIGHTDK", "flightdeck-test", "A0FLIGHTDK", "U0FLIGHTDK"));
    }

    private SignedRequests(String secret, Clock clock, Duration skew, Workspace ws) {
        this.secret = secret;
        this.clock = clock;
        this.skew = skew;
        this.ws = ws;
    }

    public SignedRequests forWorkspace(FakeSlack fake) {
        return new SignedRequests(secret, clock, skew, new Workspace(fake.teamId(), fake.teamDomain(), fake.appId(), fake.botUserId()));
    }

    /** Signs with another secret (a forged request). */
    public SignedRequests signedWith(String otherSecret) { return new SignedRequests(otherSecret, clock, skew, ws); }

    /** Timestamps shifted from the clock: {@code ofMinutes(-6)} is stale, {@code ofMinutes(6)} is in the future. */
    public SignedRequests skewedBy(Duration offset) { return new SignedRequests(secret, clock, offset, ws); }

    public Workspace workspace() { return ws; }

    /** A slash command as Slack posts it (form fields in Slack's order). {@code text} is the raw, escaped text. */
    public SignedRequest slashCommand(String command, String text, String userId, String channelId, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "verification-token-unused");
        f.put("team_id", ws.teamId());
        f.put("team_domain", ws.teamDomain());
        f.put("channel_id", channelId);
        f.put("channel_name", "channel-" + channelId.toLowerCase());
        f.put("user_id", userId);
        f.put("user_name", "user-" + userId.toLowerCase());
        f.put("command", command);
        f.put("text", text);
        f.put("api_app_id", ws.appId());
        f.put("is_enterprise_install", "false");
        f.put("response_url", responseUrl);
        f.put("trigger_id", triggerId());
        return sign(form(f), FORM);
    }

    /** A button click in a message ({@code type: block_actions}), sent as {@code payload=<json>}. */
    public SignedRequest blockAction(String actionId, String blockId, String value, String userId,
                                     String channelId, String messageTs, String responseUrl) {
        return messageAction(obj("action_id", actionId, "block_id", blockId, "value", value, "type", "button",
                "text", obj("type", "plain_text", "text", actionId, "emoji", true), "action_ts", nowTs()),
                userId, channelId, messageTs, responseUrl);
    }

    /** A person picked in a message's people picker ({@code users_select}): Slack sends the pick, no value. */
    public SignedRequest userPicked(String actionId, String blockId, String pickedUserId, String userId,
                                    String channelId, String messageTs, String responseUrl) {
        return messageAction(obj("action_id", actionId, "block_id", blockId, "selected_user", pickedUserId,
                "type", "users_select", "action_ts", nowTs()), userId, channelId, messageTs, responseUrl);
    }

    private SignedRequest messageAction(JsonObject action, String userId, String channelId, String messageTs,
                                        String responseUrl) {
        JsonObject payload = obj("type", "block_actions", "user", user(userId), "api_app_id", ws.appId(),
                "token", "verification-token-unused",
                "container", obj("type", "message", "message_ts", messageTs, "channel_id", channelId, "is_ephemeral", false),
                "trigger_id", triggerId(), "team", obj("id", ws.teamId(), "domain", ws.teamDomain()),
                "is_enterprise_install", false, "channel", obj("id", channelId, "name", "channel-" + channelId.toLowerCase()),
                "message", obj("type", "message", "user", ws.botUserId(), "ts", messageTs, "text", ""),
                "state", obj("values", new JsonObject()), "response_url", responseUrl, "actions", List.of(action));
        return payload(payload);
    }

    /** A modal submission; {@code values} maps block id to action id to a plain-text input's value. */
    public SignedRequest viewSubmission(String callbackId, String privateMetadata,
                                        Map<String, Map<String, String>> values, String userId) {
        return viewSubmission(callbackId, privateMetadata, values, Map.of(), userId);
    }

    /**
     * The same, with checkboxes: {@code ticked} maps a checkboxes input's block id (its action id is the same, as the
     * incident forms build them) to the values of the options ticked, as Slack sends them ({@code selected_options}).
     */
    public SignedRequest viewSubmission(String callbackId, String privateMetadata,
                                        Map<String, Map<String, String>> values, Map<String, List<String>> ticked,
                                        String userId) {
        JsonObject state = new JsonObject();
        values.forEach((block, actions) -> {
            JsonObject a = new JsonObject();
            actions.forEach((action, v) -> a.add(action, obj("type", "plain_text_input", "value", v)));
            state.add(block, a);
        });
        ticked.forEach((block, options) -> {
            JsonObject a = new JsonObject();
            a.add(block, obj("type", "checkboxes", "selected_options", options.stream()
                    .map(v -> obj("text", obj("type", "plain_text", "text", v, "emoji", true), "value", v)).toList()));
            state.add(block, a);
        });
        String viewId = "V" + randomDigits(10);
        JsonObject view = obj("id", viewId, "team_id", ws.teamId(), "type", "modal", "blocks", List.of(),
                "private_metadata", privateMetadata, "callback_id", callbackId, "state", obj("values", state),
                "hash", randomDigits(10) + ".abcdef", "title", obj("type", "plain_text", "text", "Flightdeck"),
                "root_view_id", viewId, "app_id", ws.appId(), "external_id", "", "bot_id", "B0FLIGHTDK");
        return payload(obj("type", "view_submission", "team", obj("id", ws.teamId(), "domain", ws.teamDomain()),
                "user", user(userId), "api_app_id", ws.appId(), "token", "verification-token-unused",
                "trigger_id", triggerId(), "view", view, "response_urls", List.of(), "is_enterprise_install", false));
    }

    /**
     * An Events API {@code event_callback} wrapping an event of this type with these fields. Only types manifest.yml
     * subscribes to: Slack sends no others, so a test of another would prove nothing.
     */
    public SignedRequest event(String type, Map<String, ?> fields) {
        requireSubscribed(type);
        JsonObject event = obj("type", type);
        fields.forEach((k, v) -> event.add(k, FakeJson.toJson(v)));
        if (!event.has("event_ts")) event.addProperty("event_ts", nowTs());
        JsonObject envelope = obj("token", "verification-token-unused", "team_id", ws.teamId(), "api_app_id", ws.appId(),
                "event", event, "type", "event_callback", "event_id", "Ev" + randomDigits(10),
                "event_time", clock.instant().plus(skew).getEpochSecond(),
                "authorizations", List.of(obj("team_id", ws.teamId(), "user_id", ws.botUserId(), "is_bot", true,
                        "is_enterprise_install", false)),
                "is_ext_shared_channel", false);
        return sign(FakeJson.GSON.toJson(envelope), JSON);
    }

    public SignedRequest reactionAdded(String userId, String reaction, String channelId, String messageTs) {
        return event("reaction_added", Map.of("user", userId, "reaction", reaction, "item_user", ws.botUserId(),
                "item", Map.of("type", "message", "channel", channelId, "ts", messageTs)));
    }

    /** An event_callback body as Slack publishes it (e.g. a file under vendor/slack/), signed as it is. */
    public SignedRequest eventCallback(String body) {
        JsonObject parsed = FakeJson.GSON.fromJson(body, JsonObject.class);
        requireSubscribed(parsed.getAsJsonObject("event").get("type").getAsString());
        return sign(body, JSON);
    }

    private static void requireSubscribed(String type) {
        if (!SlackManifest.load().botEvents().contains(type)) {
            throw new IllegalArgumentException("manifest.yml does not subscribe to " + type + ": Slack would never send it");
        }
    }

    public SignedRequest urlVerification(String challenge) {
        return sign(FakeJson.GSON.toJson(obj("token", "verification-token-unused", "challenge", challenge,
                "type", "url_verification")), JSON);
    }

    /** Signs any body as it is. */
    public SignedRequest sign(String body, String contentType) {
        String ts = Long.toString(clock.instant().plus(skew).getEpochSecond());
        return new SignedRequest(body, contentType, Map.of(SignedRequest.TIMESTAMP, ts,
                SignedRequest.SIGNATURE, signature(secret, ts, body)));
    }

    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SignedRequest payload(JsonObject payload) {
        return sign("payload=" + URLEncoder.encode(FakeJson.GSON.toJson(payload), StandardCharsets.UTF_8), FORM);
    }

    private JsonObject user(String userId) {
        String name = "user-" + userId.toLowerCase();
        return obj("id", userId, "username", name, "name", name, "team_id", ws.teamId());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String nowTs() {
        return clock.instant().plus(skew).getEpochSecond() + "." + randomDigits(6);
    }

    private static String triggerId() {
        return randomDigits(13) + "." + randomDigits(13) + "." + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static String randomDigits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 10));
        return b.toString();
    }
}
