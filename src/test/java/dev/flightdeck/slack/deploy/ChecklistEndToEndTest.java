package dev.flightdeck.slack.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.ChecklistItem;
import dev.flightdeck.deploy.ChecklistLimits;
import dev.flightdeck.deploy.DeployState;
import com.google.gson.Gson;
import com.google.gson.JsonPrimitive;
import dev.flightdeck.testing.SignedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checklists through the real edge: {@code -- check:} items on a PROD request of the example team file (one go from
 * @release-managers, auto-start on), ticked through signed {@code block_actions} built from the message as the fake
 * Slack holds it, the way a Slack client builds them.
 */
class ChecklistEndToEndTest {

    static final String SES = "set the SES sender";
    /** As Slack sends it in a slash command: & < > escaped. */
    static final String QA_TYPED = "QA &lt;b&gt;signed off&lt;/b&gt; &amp; done";
    static final String QA = "QA <b>signed off</b> & done";

    final DeployDriver d = DeployDriver.shared();

    @BeforeEach
    void insideTheWindow() {
        d.moveToWindow(true);
    }

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @Test
    void startWaitsForTheChecklistAndTheLastTickStartsTheBuildOnce() {
        String v = DeployDriver.newVersion();
        var p = d.request("commons", v, "prod", REQUESTER, " -- hotfix -- check: " + SES + " -- check: " + QA_TYPED);

        JsonObject boxes = checkboxes(p);
        assertThat(texts(boxes, "options")).containsExactly(SES, "QA &lt;b&gt;signed off&lt;/b&gt; &amp; done");
        assertThat(boxes.has("initial_options")).isFalse();
        assertThat(d.message(p).allText()).contains("*Checklist* (0 of 2 ticked)", "Note: hotfix");

        d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
        d.awaitThreadReply(p, "The build waits for the checklist");
        d.awaitState(p.id(), DeployState.APPROVED);

        d.click(DeploySlackIds.DEPLOY_START, p, REQUESTER);
        d.awaitEphemeral(REQUESTER, "waits for its checklist: tick “" + SES + "”, “QA &lt;b&gt;signed off&lt;/b&gt; &amp; done” first");

        toggle(p, REQUESTER, 0);
        d.awaitUpdate(p, "<@" + REQUESTER + "> ticked “" + SES + "” at <!date^");
        assertThat(texts(checkboxes(p), "initial_options")).containsExactly(SES);
        assertThat(d.backend().triggersOf(p.id())).isZero();

        // A double click: two clicks from the same screen, the second before the first one's redraw arrived.
        SignedRequest last = toggleRequest(p, RM1, 1);
        SignedRequest again = toggleRequest(p, RM1, 1);
        send(last);
        send(again);
        d.awaitState(p.id(), DeployState.RUNNING);
        d.awaitThreadReply(p, "PROD: Job commons-prod-server #");

        assertThat(d.backend().triggersOf(p.id())).isEqualTo(1);
        assertThat(d.repository().checklist(p.id())).extracting(ChecklistItem::tickedBy).containsExactly(REQUESTER, RM1);
        assertThat(ticks(p.id())).extracting(AuditEvent::actor).containsExactlyInAnyOrder(REQUESTER, RM1);
        assertThat(ticks(p.id())).anySatisfy(e -> assertThat(e.payloadJson()).contains(SES));
    }

    @Test
    void anOutsidersTickIsRefusedAndTheirCheckboxSnapsBack() {
        var p = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, " -- check: " + SES);
        String before = checklistBlockId(p);
        int updates = d.slack.calls("chat.update").size();

        toggle(p, OUTSIDER, 0);

        d.awaitEphemeral(OUTSIDER, "Only the requester <@" + REQUESTER + ">");
        var redraw = d.slack.awaitCall("chat.update", c -> p.ts().equals(c.param("ts")) && c.param("blocks") != null
                && c.param("blocks").contains(DeploySlackIds.DEPLOY_CHECKLIST + ":" + p.id()), DeployDriver.WAIT);
        assertThat(d.slack.calls("chat.update").size()).isGreaterThan(updates);
        assertThat(redraw.param("blocks")).doesNotContain("initial_options").doesNotContain(before);
        assertThat(d.repository().checklist(p.id()).get(0).ticked()).isFalse();
        assertThat(ticks(p.id())).isEmpty();
    }

    @Test
    void aChecklistOverSlacksLimitIsRefusedAtOnceAndNothingIsRequested() {
        int before = all();
        String checks = IntStream.rangeClosed(1, ChecklistLimits.MAX_ITEMS + 1).mapToObj(i -> " -- check: item " + i)
                .collect(Collectors.joining());

        var reply = d.command("commons " + DeployDriver.newVersion() + " to prod" + checks, REQUESTER, d.slack.responseUrl());

        assertThat(reply.json().getAsJsonObject().get("text").getAsString())
                .contains("A checklist holds at most 10 items", "would have 11");
        assertThat(all()).isEqualTo(before);
    }

    @Test
    void theRequestFormTakesOneItemPerLine() {
        String v = DeployDriver.newVersion();
        var reply = d.signed().viewSubmission(DeploySlackIds.DEPLOY_REQUEST_MODAL, d.commandChannel, Map.of(
                DeploySlackIds.DEPLOY_FIELD_SERVICE, Map.of(DeploySlackIds.DEPLOY_FIELD_SERVICE, "billing"),
                DeploySlackIds.DEPLOY_FIELD_VERSION, Map.of(DeploySlackIds.DEPLOY_FIELD_VERSION, v),
                DeploySlackIds.DEPLOY_FIELD_ENV, Map.of(DeploySlackIds.DEPLOY_FIELD_ENV, "prod"),
                DeploySlackIds.DEPLOY_FIELD_CHECKLIST, Map.of(DeploySlackIds.DEPLOY_FIELD_CHECKLIST,
                        "rotate the webhook secret\n\n  tell support  \n")), REQUESTER).send(d.uri());
        assertThat(reply.status()).isEqualTo(200);

        var r = d.awaitRequest("billing", "prod", v);
        assertThat(d.repository().checklist(r.id())).extracting(ChecklistItem::text)
                .containsExactly("rotate the webhook secret", "tell support");

        var tooLong = d.signed().viewSubmission(DeploySlackIds.DEPLOY_REQUEST_MODAL, d.commandChannel, Map.of(
                DeploySlackIds.DEPLOY_FIELD_SERVICE, Map.of(DeploySlackIds.DEPLOY_FIELD_SERVICE, "billing"),
                DeploySlackIds.DEPLOY_FIELD_VERSION, Map.of(DeploySlackIds.DEPLOY_FIELD_VERSION, DeployDriver.newVersion()),
                DeploySlackIds.DEPLOY_FIELD_ENV, Map.of(DeploySlackIds.DEPLOY_FIELD_ENV, "prod"),
                DeploySlackIds.DEPLOY_FIELD_CHECKLIST, Map.of(DeploySlackIds.DEPLOY_FIELD_CHECKLIST, "x".repeat(76))),
                REQUESTER).send(d.uri());
        assertThat(tooLong.body()).contains("\"response_action\":\"errors\"", DeploySlackIds.DEPLOY_FIELD_CHECKLIST,
                "longer than 75 characters");
    }

    // ---- a Slack client's click on the checkboxes ----

    /** Clicks item {@code ordinal} as a Slack client does: its checkboxes as the message shows them, that one flipped. */
    void toggle(DeployDriver.Posted p, String user, int ordinal) {
        send(toggleRequest(p, user, ordinal));
    }

    void send(SignedRequest request) {
        assertThat(request.send(d.uri()).status()).isEqualTo(200);
    }

    SignedRequest toggleRequest(DeployDriver.Posted p, String user, int ordinal) {
        JsonArray blocks = d.message(p).blocks();
        JsonObject block = checklistBlock(blocks);
        JsonObject boxes = block.getAsJsonArray("elements").get(0).getAsJsonObject();
        Set<String> selected = new LinkedHashSet<>(values(boxes, "initial_options"));
        String value = String.valueOf(ordinal);
        if (!selected.remove(value)) {
            selected.add(value);
        }
        List<JsonElement> options = new ArrayList<>();
        boxes.getAsJsonArray("options").forEach(o -> {
            if (selected.contains(o.getAsJsonObject().get("value").getAsString())) {
                options.add(o);
            }
        });
        String blockId = block.get("block_id").getAsString();
        var ws = d.signed().workspace();
        JsonObject payload = obj("type", "block_actions",
                "user", obj("id", user, "username", "user-" + user.toLowerCase(), "name", "user-" + user.toLowerCase(),
                        "team_id", ws.teamId()),
                "api_app_id", ws.appId(), "token", "verification-token-unused",
                "container", obj("type", "message", "message_ts", p.ts(), "channel_id", p.channel(), "is_ephemeral", false),
                "trigger_id", "1234567890123.1234567890123." + Long.toHexString(System.nanoTime()), "team", obj("id", ws.teamId(), "domain", ws.teamDomain()),
                "is_enterprise_install", false, "channel", obj("id", p.channel(), "name", "deploys"),
                "message", obj("type", "message", "user", ws.botUserId(), "ts", p.ts(), "text", d.message(p).text(),
                        "blocks", blocks),
                "state", obj("values", obj(blockId, obj(DeploySlackIds.DEPLOY_CHECKLIST,
                        obj("type", "checkboxes", "selected_options", options)))),
                "response_url", d.slack.responseUrl(),
                "actions", List.of(obj("type", "checkboxes", "action_id", DeploySlackIds.DEPLOY_CHECKLIST,
                        "block_id", blockId, "selected_options", options,
                        "action_ts", d.clock.instant().getEpochSecond() + "." + (System.nanoTime() % 1_000_000))));
        return d.signed().sign("payload=" + URLEncoder.encode(new Gson().toJson(payload), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
    }

    JsonObject checkboxes(DeployDriver.Posted p) {
        JsonObject boxes = checklistBlock(d.message(p).blocks()).getAsJsonArray("elements").get(0).getAsJsonObject();
        // Slack's own limits for the element, which the fake does not check.
        assertThat(boxes.get("type").getAsString()).isEqualTo("checkboxes");
        assertThat(boxes.getAsJsonArray("options").size()).isBetween(1, ChecklistLimits.MAX_ITEMS);
        assertThat(texts(boxes, "options")).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(75));
        assertThat(values(boxes, "options")).containsAll(values(boxes, "initial_options"));
        if (boxes.has("initial_options")) {
            assertThat(boxes.getAsJsonArray("initial_options").size()).isPositive();
        }
        return boxes;
    }

    String checklistBlockId(DeployDriver.Posted p) {
        return checklistBlock(d.message(p).blocks()).get("block_id").getAsString();
    }

    static JsonObject checklistBlock(JsonArray blocks) {
        for (JsonElement b : blocks) {
            JsonObject o = b.getAsJsonObject();
            if (o.has("block_id") && o.get("block_id").getAsString().startsWith(DeploySlackIds.DEPLOY_CHECKLIST + ":")) {
                return o;
            }
        }
        throw new AssertionError("no checklist block in " + blocks);
    }

    static List<String> values(JsonObject boxes, String key) {
        List<String> out = new ArrayList<>();
        if (boxes.has(key)) {
            boxes.getAsJsonArray(key).forEach(o -> out.add(o.getAsJsonObject().get("value").getAsString()));
        }
        return out;
    }

    static List<String> texts(JsonObject boxes, String key) {
        List<String> out = new ArrayList<>();
        if (boxes.has(key)) {
            boxes.getAsJsonArray(key).forEach(o -> out.add(o.getAsJsonObject().getAsJsonObject("text").get("text").getAsString()));
        }
        return out;
    }

    /** A JSON object from keys and values (strings, booleans, numbers, JSON, lists of JSON). */
    static JsonObject obj(Object... keysAndValues) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            o.add((String) keysAndValues[i], json(keysAndValues[i + 1]));
        }
        return o;
    }

    private static JsonElement json(Object v) {
        if (v instanceof JsonElement e) {
            return e;
        }
        if (v instanceof List<?> list) {
            JsonArray a = new JsonArray();
            list.forEach(x -> a.add(json(x)));
            return a;
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        return new JsonPrimitive(String.valueOf(v));
    }

    List<AuditEvent> ticks(long id) {
        return d.context().getBean(AuditLog.class).find(AuditQuery.newestFirst(500).ofTypes("deploy.checklist_ticked"))
                .stream().filter(e -> e.payloadJson().contains("\"request\":" + id + ",")).toList();
    }

    int all() {
        return d.repository().inStates(EnumSet.allOf(DeployState.class), Optional.empty(), 10_000).size();
    }
}
