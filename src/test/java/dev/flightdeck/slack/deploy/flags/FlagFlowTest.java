package dev.flightdeck.slack.deploy.flags;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.flags.FlagRepository;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.deploy.flags.FlagScheduler;
import dev.flightdeck.deploy.flags.FlagState;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.testing.FakeLaunchDarkly;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flightdeck.slack.deploy.DeployDriver.DEVELOPER;
import static dev.flightdeck.slack.deploy.DeployDriver.LEAD;
import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's "done when" for feature flags, end to end through signed requests, the real edge, the use case, the
 * database and the strict LaunchDarkly fake: a prod flip refused to a non-approver and applied once on an approver's
 * go (one PATCH, with the comment), announced and audited; a kill switch flipped at once by an incident's commander
 * and put on its timeline.
 */
class FlagFlowTest {

    private static final String TOKEN = dev.flightdeck.testing.TestSecretsFactory.VALUES.get("LD_TOKEN");
    private static FlagDriver d;
    private static FakeLaunchDarkly ld;

    @BeforeAll
    static void start() {
        d = new FlagDriver();
        ld = d.app.launchDarkly;
    }

    @Test
    void aProdFlipIsRefusedToNonApproversAndAppliedOnceOnTheGoOfTwoApproversClickingAtOnceThenAnnouncedAndAudited()
            throws Exception {
        String key = FlagDriver.uniqueKey("checkout-v2");
        ld.flag("default", key, "Checkout v2", Map.of("production", false, "staging", false, "dev", false));
        var before = d.postsSoFar();
        String url = d.command("flag " + key + " on in prod", RM2);
        FlagDriver.Posted p = d.awaitRequest(before, "I'm about to turn flag " + key + " on in PROD");
        assertThat(p.call().text()).matches(Pattern.quote("I'm about to turn flag " + key + " on in PROD, ")
                + "<!subteam\\^S[A-Z0-9]+> <@U0LEAD> am I clear to go\\?");
        assertThat(d.answer(url)).contains("Flag request FL-" + p.id()).contains("is posted");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/flag-request.txt"), "text: " + p.call().text() + "\n\nblocks:\n"
                + p.call().blocks().toString() + "\n");

        d.click(FlagSlackIds.GO, p, OUTSIDER);
        d.awaitEphemeral(OUTSIDER, "Only approvers for PROD can decide");
        d.click(FlagSlackIds.GO, p, RM2);
        d.awaitEphemeral(RM2, "You asked for this flip, and self-approval is off in PROD");
        assertThat(ld.patches("default", key)).isEmpty();

        // Two approvers at once, and one of them twice: one decision, one PATCH.
        List<CompletableFuture<?>> clicks = List.of(
                CompletableFuture.runAsync(() -> d.click(FlagSlackIds.GO, p, RM1)),
                CompletableFuture.runAsync(() -> d.click(FlagSlackIds.GO, p, RM1)),
                CompletableFuture.runAsync(() -> d.click(FlagSlackIds.GO, p, LEAD)));
        clicks.forEach(CompletableFuture::join);
        FakeSlack.Call announced = d.awaitChannelLine("PROD: flag " + key + " turned on by");
        d.awaitThread(p, "Done: flag `" + key + "` on in PROD");
        Matcher who = Pattern.compile("PROD: flag " + Pattern.quote(key) + " turned on by <@(U0RMGR0001|U0LEAD)>")
                .matcher(announced.text());
        assertThat(who.matches()).as(announced.text()).isTrue();
        Thread.sleep(300); // any second PATCH would be on its way by now
        List<FakeLaunchDarkly.Request> patches = ld.patches("default", key);
        assertThat(patches).hasSize(1);
        FakeLaunchDarkly.Request patch = patches.get(0);
        assertThat(patch.status()).isEqualTo(200);
        assertThat(patch.authorization()).isEqualTo(TOKEN);
        assertThat(patch.contentType()).isEqualTo("application/json; domain-model=launchdarkly.semanticpatch");
        assertThat(patch.json().get("environmentKey").getAsString()).isEqualTo("production");
        // Both approvers said go before one of them moved it: both are named, the one who applied it last.
        assertThat(patch.json().get("comment").getAsString()).startsWith("Flightdeck request FL-" + p.id() + " by " + RM2
                + ", approved by ").endsWith(who.group(1));
        assertThat(patch.json().getAsJsonArray("instructions").toString()).isEqualTo("[{\"kind\":\"turnFlagOn\"}]");
        assertThat(ld.isOn("default", key, "production")).isTrue();
        assertThat(ld.isOn("default", key, "staging")).isFalse();

        List<AuditEvent> audit = d.app.bean(AuditLog.class).find(AuditQuery.newestFirst(500)).stream()
                .filter(e -> e.type().startsWith("flag_request.") && e.payloadJson().contains("\"FL-" + p.id() + "\""))
                .toList();
        assertThat(audit).extracting(AuditEvent::type).contains("flag_request.requested", "flag_request.approval",
                "flag_request.state_changed");
        assertThat(audit).anySatisfy(e -> assertThat(e.payloadJson()).contains("\"to\":\"APPLIED\""));
        assertThat(audit.toString()).doesNotContain(TOKEN);

        String again = d.command("flag " + key + " on in prod", RM2);
        assertThat(d.answer(again)).contains("is already on in PROD");
    }

    @Test
    void theCommanderOfAnOpenIncidentFlipsAKillSwitchAtOnceLoudlyAndOnTheTimelineOthersStillNeedApproval() {
        ld.flag("default", "new-emails", "New e-mails", Map.of("production", true, "staging", true, "dev", true));
        String incidents = d.app.slack.addChannel("ops-flags-" + System.nanoTime(), DEVELOPER);
        var declared = d.app.signed.slashCommand("/incident", "declare Emails going out twice sev2", DEVELOPER,
                incidents, d.app.slack.responseUrl()).send(d.app.server.getURI());
        Matcher m = Pattern.compile("Declaring INC-(\\d+)").matcher(declared.body());
        assertThat(m.find()).as(declared.body()).isTrue();
        long incident = Long.parseLong(m.group(1));

        // Not the commander: the kill switch is an ordinary request.
        var before = d.postsSoFar();
        d.command("flag new-emails off in prod", OUTSIDER);
        FlagDriver.Posted asked = d.awaitRequest(before, "I'm about to turn flag new-emails off in PROD");
        assertThat(ld.patches("default", "new-emails")).isEmpty();
        d.click(FlagSlackIds.CANCEL, asked, OUTSIDER);
        d.awaitThread(asked, "cancelled this request");

        before = d.postsSoFar();
        String url = d.command("flag new-emails off in prod", DEVELOPER);
        FlagDriver.Posted kill = d.awaitRequest(before, ":rotating_light: KILL SWITCH: <@" + DEVELOPER
                + ">, commander of INC-" + incident);
        FakeSlack.Call loud = d.awaitChannelLine(":rotating_light: PROD: flag new-emails turned off by <@" + DEVELOPER + ">");
        assertThat(loud.text()).isEqualTo(":rotating_light: PROD: flag new-emails turned off by <@" + DEVELOPER
                + "> — KILL SWITCH by the commander of INC-" + incident + ", without approval (FL-" + kill.id() + ")");
        assertThat(d.answer(url)).contains("Kill switch").contains("without approval");
        assertThat(ld.patches("default", "new-emails")).singleElement().satisfies(r -> assertThat(r.json()
                .get("comment").getAsString()).isEqualTo("Flightdeck request FL-" + kill.id() + " by " + DEVELOPER
                + " (kill switch by the commander of INC-" + incident + ", no approval)"));
        assertThat(ld.isOn("default", "new-emails", "production")).isFalse();
        List<TimelineEntry> timeline = d.app.bean(IncidentService.class).timeline(incident);
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(TimelineEntry.Kind.FLAG);
            assertThat(e.author()).isEqualTo(DEVELOPER);
            assertThat(e.text()).isEqualTo("KILL SWITCH: flag new-emails turned off in prod (FL-" + kill.id()
                    + ", by the commander of INC-" + incident + " without approval)");
        });
        assertThat(d.app.bean(AuditLog.class).find(AuditQuery.newestFirst(300))).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("flag_request.state_changed");
            assertThat(e.actor()).isEqualTo(DEVELOPER);
            assertThat(e.payloadJson()).contains("\"event\":\"KILL_SWITCH\"").contains("\"kill_switch_incident\":" + incident);
        });
    }

    @Test
    void aFlagIsShownPerEnvironmentAndAnUnknownFlagOrEnvironmentIsSaidSo() {
        String key = FlagDriver.uniqueKey("search-ranking");
        ld.flag("default", key, "Search <ranking>", Map.of("production", true, "staging", false));
        String answer = d.answer(d.command("flag " + key, REQUESTER));
        assertThat(answer).contains("*Search &lt;ranking&gt;* (`" + key + "`, LaunchDarkly)")
                .contains("*PROD*: :large_green_circle: *on*, serving `true`")
                .contains("*STAGING*: :white_circle: *off*, serving `false`")
                .contains("*DEV*: not in LaunchDarkly environment `dev`");
        assertThat(ld.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/api/v2/flags/default/" + key
                + "?env=dev&env=staging&env=production"));
        assertThat(d.answer(d.command("flag " + key + " prod", REQUESTER))).contains("*PROD*: :large_green_circle: *on*")
                .doesNotContain("STAGING");
        assertThat(d.answer(d.command("flag no-such-flag-xyz", REQUESTER)))
                .isEqualTo("LaunchDarkly has no flag `no-such-flag-xyz`. Nothing was requested.");
        assertThat(d.ack("flag " + key + " on in qa", REQUESTER)).contains("Unknown environment `qa`");
    }

    @Test
    void aRefusedFlipIsShownAndRetriedOnClickARateLimitIsWaitedOut() {
        String key = FlagDriver.uniqueKey("pricing");
        ld.flag("default", key, "Pricing", Map.of("production", false));
        var before = d.postsSoFar();
        d.command("flag " + key + " on in prod", RM2);
        FlagDriver.Posted p = d.awaitRequest(before, "I'm about to turn flag " + key + " on in PROD");

        ld.failNext(401, "unauthorized", "Invalid access token", Map.of());
        d.click(FlagSlackIds.GO, p, RM1);
        FakeSlack.Call failed = d.awaitThread(p, "The flag did not change");
        assertThat(failed.text()).contains("LaunchDarkly refused the token (HTTP 401) while turning flag " + key
                + " on in production: Invalid access token");
        assertThat(ld.isOn("default", key, "production")).isFalse();
        assertThat(d.app.slack.awaitCall("chat.update", c -> p.ts().equals(c.param("ts"))
                && c.blocks().toString().contains(FlagSlackIds.RETRY), FlagDriver.WAIT).allText()).contains("FAILED");

        ld.failNext(429, "rate_limited", "You've exceeded the API rate limit.",
                Map.of("X-Ratelimit-Reset", String.valueOf(System.currentTimeMillis() + 200)));
        d.click(FlagSlackIds.RETRY, p, OUTSIDER);
        d.awaitEphemeral(OUTSIDER, "Only whoever asked for FL-" + p.id() + " or an approver can do that");
        d.click(FlagSlackIds.RETRY, p, RM2);
        d.awaitChannelLine("PROD: flag " + key + " turned on by <@" + RM1 + ">");
        assertThat(ld.patches("default", key)).extracting(FakeLaunchDarkly.Request::status).containsExactly(401, 429, 200);
        assertThat(ld.isOn("default", key, "production")).isTrue();
    }

    @Test
    void anUndecidedRequestNudgesTheApproversThenExpiresAndAnAnnounceOnlyEnvironmentFlipsAtOnce() {
        String key = FlagDriver.uniqueKey("banner");
        ld.flag("default", key, "Banner", Map.of("production", false, "dev", false));
        var before = d.postsSoFar();
        d.command("flag " + key + " on in prod", REQUESTER);
        FlagDriver.Posted p = d.awaitRequest(before, "I'm about to turn flag " + key + " on in PROD");
        FlagScheduler scheduler = d.app.bean(FlagScheduler.class);

        d.app.clock.advance(Duration.ofMinutes(16));
        scheduler.runDue();
        d.awaitThread(p, "is still waiting for a decision");
        d.app.clock.advance(Duration.ofHours(4));
        scheduler.runDue();
        d.awaitThread(p, "This request expired without a decision");
        d.click(FlagSlackIds.GO, p, RM1);
        d.awaitEphemeral(RM1, "FL-" + p.id() + " is expired: there is nothing to decide");
        assertThat(ld.patches("default", key)).isEmpty();

        d.command("flag " + key + " on in dev", OUTSIDER);
        d.awaitChannelLine("DEV: flag " + key + " turned on by <@" + OUTSIDER + ">");
        assertThat(ld.isOn("default", key, "dev")).isTrue();
    }

    @Test
    void flagsChangedSinceTheLastDeployAreListedInTheNextGoNoGo() {
        String key = FlagDriver.uniqueKey("staging-only");
        ld.flag("default", key, "Staging only", Map.of("staging", false));
        var before = d.postsSoFar();
        d.command("flag " + key + " on in staging", REQUESTER);
        FlagDriver.Posted p = d.awaitRequest(before, "I'm about to turn flag " + key + " on in STAGING");
        d.click(FlagSlackIds.GO, p, DEVELOPER);
        d.awaitChannelLine("STAGING: flag " + key + " turned on by <@" + DEVELOPER + ">");

        String version = "9.0." + System.nanoTime() % 100_000;
        d.command("flagship " + version + " to staging", REQUESTER);
        FakeSlack.Call goNoGo = d.app.slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") == null && c.ok()
                && c.text() != null && c.text().contains("using version " + version), FlagDriver.WAIT);
        assertThat(goNoGo.blocks().toString()).contains("Flags changed since the last deploy")
                .contains("`" + key + "` turned on by <@" + DEVELOPER + ">").contains("(FL-" + p.id() + ")");
    }

    @Test
    void aFlipLeftHalfDoneByACrashIsSettledFromWhatTheProviderHolds() {
        String done = FlagDriver.uniqueKey("crash-done");
        String undone = FlagDriver.uniqueKey("crash-undone");
        ld.flag("default", done, "Done before the crash", Map.of("production", true));
        ld.flag("default", undone, "Not done before the crash", Map.of("production", false));
        FlagRepository store = d.app.bean(FlagRepository.class);
        // A go moved each to APPLYING, then its replica died: before the PATCH (undone) or after it (done).
        for (String key : List.of(done, undone)) {
            java.time.Instant now = d.app.clock.instant();
            FlagRequest r = store.insert(new FlagRequest(0, key, "prod", "production", true, REQUESTER,
                    FlagState.REQUESTED, List.of(), java.util.Optional.empty(), new FlagRequest.Timers(now,
                    now.plus(Duration.ofMinutes(15)), 0, now.plus(Duration.ofHours(4)), null),
                    java.util.Optional.empty(), java.util.Optional.empty()));
            assertThat(store.addApproval(r.id(), RM1)).isTrue();
            assertThat(store.transition(r, r.with(FlagState.APPLYING, new FlagRequest.Timers(now, null, 0,
                    now.plus(Duration.ofHours(4)), null), java.util.Optional.empty()))).isTrue();
        }
        d.app.clock.advance(FlagScheduler.STRANDED_AFTER.plusSeconds(30));
        d.app.bean(FlagScheduler.class).runDue();

        d.awaitChannelLine("PROD: flag " + done + " turned on by <@" + RM1 + ">");
        d.awaitChannelLine("PROD: flag " + undone + " turned on by <@" + RM1 + ">");
        assertThat(ld.patches("default", done)).isEmpty();
        assertThat(ld.patches("default", undone)).singleElement()
                .satisfies(r -> assertThat(r.json().get("comment").getAsString()).contains("approved by " + RM1));
        assertThat(store.lastApplied(done, "prod")).isPresent();
        assertThat(store.lastApplied(undone, "prod")).isPresent();
    }
}
