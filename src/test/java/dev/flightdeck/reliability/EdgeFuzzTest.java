package dev.flightdeck.reliability;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.slack.incident.IncidentSlackIds;

/**
 * Fuzzing through the real HTTP edge ({@code POST /slack/events}, signed): a sample of generated command texts, and
 * interaction payloads that are valid JSON with random, missing or wrongly typed fields and unknown action ids.
 * Every answer is a 2xx (an ephemeral usage or error for commands) or a 4xx; never a 5xx, never a stack trace.
 */
class EdgeFuzzTest {

    static final String USER = "U0FUZZER01";
    static final Gson GSON = new GsonBuilder().serializeNulls().create();
    static final TestApp APP = TestApp.shared("hostile");
    static final String CHANNEL = APP.slack.addChannel("fuzz-" + System.nanoTime(), USER);
    /** HTTP status → how many generated requests got it, printed for docs/RELIABILITY.md. */
    static final java.util.Map<String, Integer> STATUSES = new java.util.concurrent.ConcurrentSkipListMap<>();

    @net.jqwik.api.lifecycle.AfterContainer
    static void report() {
        System.out.println("EdgeFuzzTest statuses: " + STATUSES);
    }

    @Property(tries = 80, seed = "20261124")
    void commandTextsThroughTheEdgeAreAnsweredNever500(@ForAll("commands") String command, @ForAll("texts") String text) {
        SignedRequest.Reply reply = APP.signed().slashCommand(command, text, USER, CHANNEL, APP.slack.responseUrl())
                .send(APP.uri());
        STATUSES.merge("command " + reply.status(), 1, Integer::sum);
        assertThat(reply.status()).as("%s %s", command, text).isEqualTo(200);
        Hostile.assertNoStackTrace(reply);
        // A handler that threw answers with an apology and a log reference: bad input must get its reason instead.
        assertThat(reply.body()).as("%s %s", command, text).doesNotContain("failed on our side");
    }

    @Property(tries = 250, seed = "20261124")
    void interactionPayloadsAreAnsweredWith2xxOr4xxNever500(@ForAll("payloads") JsonObject payload) {
        String body = "payload=" + URLEncoder.encode(GSON.toJson(payload), StandardCharsets.UTF_8);
        SignedRequest.Reply reply = APP.signed().sign(body, "application/x-www-form-urlencoded").send(APP.uri());
        STATUSES.merge("payload " + reply.status(), 1, Integer::sum);
        assertThat(reply.status()).as("payload %s answered %s", payload, reply.body()).isBetween(200, 499);
        Hostile.assertNoStackTrace(reply);
    }

    @Provide
    Arbitrary<String> commands() {
        return Arbitraries.of(DeploySlackIds.DEPLOY_COMMAND, IncidentSlackIds.INCIDENT_COMMAND);
    }

    @Provide
    Arbitrary<String> texts() {
        return CommandTexts.texts();
    }

    @Provide
    Arbitrary<JsonObject> payloads() {
        // Mostly well-formed clicks, so most tries reach Flightdeck's own handlers; the rest break the shape.
        Arbitrary<String> type = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("block_actions")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("view_submission", "view_closed", "shortcut", "message_action",
                        "block_suggestion", "interactive_message", "dialog_submission", "nonsense")));
        Arbitrary<String> actionId = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(knownIds())),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(30)));
        Arbitrary<JsonElement> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.oneOf(
                        Arbitraries.longs().map(n -> (JsonElement) new JsonPrimitive(String.valueOf(n))),
                        Arbitraries.strings().ofMaxLength(40).map(x -> (JsonElement) new JsonPrimitive(x)))),
                net.jqwik.api.Tuple.of(1, scalar()));
        Arbitrary<List<String>> none = Arbitraries.just(List.of());
        Arbitrary<List<String>> dropped = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, none),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("user", "team", "actions", "view", "channel", "container",
                        "message", "response_url", "trigger_id", "api_app_id", "state").list().ofMinSize(1).ofMaxSize(4)));
        Arbitrary<List<String>> wrongTyped = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, none),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("user", "team", "actions", "view", "channel", "container",
                        "message", "response_url", "state").list().ofMinSize(1).ofMaxSize(3)));
        return Combinators.combine(type, actionId, value, dropped, wrongTyped, scalar())
                .as((t, a, v, drop, wrong, junk) -> {
                    JsonObject p = base(t, a, v);
                    drop.forEach(p::remove);
                    wrong.forEach(field -> p.add(field, junk));
                    return p;
                });
    }

    private static JsonObject base(String type, String actionId, JsonElement value) {
        var ws = APP.signed().workspace();
        JsonObject action = obj("action_id", actionId, "block_id", DeploySlackIds.DEPLOY_ACTIONS_BLOCK, "type", "button",
                "action_ts", "1700000000.000001");
        action.add("value", value);
        JsonObject view = obj("id", "V0FUZZ", "type", "modal", "callback_id", actionId,
                "state", obj("values", obj("b", obj(actionId, obj("type", "plain_text_input")))));
        view.add("private_metadata", value);
        view.getAsJsonObject("state").getAsJsonObject("values").getAsJsonObject("b").getAsJsonObject(actionId).add("value", value);
        JsonArray actions = new JsonArray();
        actions.add(action);
        JsonObject p = obj("type", type, "api_app_id", ws.appId(), "token", "unused",
                "user", obj("id", USER, "username", "fuzzer", "team_id", ws.teamId()),
                "team", obj("id", ws.teamId(), "domain", ws.teamDomain()),
                "channel", obj("id", CHANNEL, "name", "fuzz"),
                "container", obj("type", "message", "message_ts", "1700000000.000100", "channel_id", CHANNEL),
                "message", obj("type", "message", "ts", "1700000000.000100", "text", ""),
                "state", obj("values", new JsonObject()),
                "response_url", APP.slack.responseUrl(), "trigger_id", "1.2.abc", "callback_id", actionId);
        p.add("actions", actions);
        p.add("view", view);
        return p;
    }

    private static Arbitrary<JsonElement> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(n -> (JsonElement) new JsonPrimitive(String.valueOf(n))),
                Arbitraries.longs().map(n -> (JsonElement) new JsonPrimitive(n)),
                Arbitraries.strings().ofMaxLength(40).map(s -> (JsonElement) new JsonPrimitive(s)),
                Arbitraries.of("", "-1", "0", "1", "99999999999999999999", "1e9", "NaN", "INC-1", "{\"id\":1}")
                        .map(s -> (JsonElement) new JsonPrimitive(s)),
                Arbitraries.of(true, false).map(b -> (JsonElement) new JsonPrimitive(b)),
                Arbitraries.just((JsonElement) JsonNull.INSTANCE),
                Arbitraries.just((JsonElement) new JsonArray()),
                Arbitraries.just((JsonElement) new JsonObject()));
    }

    private static List<Field> fieldsOf(Class<?>... classes) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : classes) {
            fields.addAll(List.of(c.getFields()));
        }
        return fields;
    }

    private static List<String> knownIds() {
        List<String> ids = new ArrayList<>();
        for (Field f : fieldsOf(dev.flightdeck.slack.deploy.DeploySlackIds.class,
                dev.flightdeck.slack.incident.IncidentSlackIds.class)) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    ids.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ids;
    }

    private static JsonObject obj(Object... keysAndValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            o.add((String) keysAndValues[i], v instanceof JsonElement e ? e : new JsonPrimitive(String.valueOf(v)));
        }
        return o;
    }
}
