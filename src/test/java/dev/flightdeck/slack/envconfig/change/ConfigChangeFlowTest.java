package dev.flightdeck.slack.envconfig.change;

import com.google.gson.JsonObject;
import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static dev.flightdeck.slack.deploy.DeployDriver.OUTSIDER;
import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's "done when", end to end through signed requests, the real edge, the use case, the database and moto:
 * the command opens the form, the submission proposes, the buttons decide, the go writes to SSM.
 */
class ConfigChangeFlowTest {

    private static final String QUEUE = "/mail/prod/EMAIL_QUEUE_URL";

    private static ChangeFlowDriver d;

    @BeforeAll
    static void start() {
        d = new ChangeFlowDriver();
        // The other environments hold their own queues, so differ-across-environments passes for a valid proposal.
        d.putParameter("/mail/staging/EMAIL_QUEUE_URL", ChangeFlowDriver.validQueue("staging"));
        d.putParameter("/mail/dev/EMAIL_QUEUE_URL", ChangeFlowDriver.validQueue("dev"));
    }

    @Test
    void aProposalBreakingThePatternIsBlockedNamingTheRuleAndGoWithoutOverrideWritesNothing() {
        d.putParameter(QUEUE, ChangeFlowDriver.validQueue("prod"));
        long version = d.version(QUEUE);

        ChangeFlowDriver.Posted p = d.propose("prod", "EMAIL_QUEUE_URL", "https://queue.example.com/mail", REQUESTER);

        String blocks = p.call().blocks().toString();
        assertThat(blocks).contains("pattern").contains("blocked — an approver may override with a reason")
                .contains(ConfigChangeSlackIds.OVERRIDE);
        d.click(ConfigChangeSlackIds.GO, p, RM1);
        d.awaitEphemeral(RM1, "is blocked by a failing rule (*pattern*)");
        assertThat(d.version(QUEUE)).isEqualTo(version);
    }

    @Test
    void anApproverOverridesAFailingRuleWithAReasonAndThenTheGoWrites() {
        d.putParameter(QUEUE, ChangeFlowDriver.validQueue("prod"));
        String interim = "https://queue.example.com/mail-" + System.nanoTime();
        ChangeFlowDriver.Posted p = d.propose("prod", "EMAIL_QUEUE_URL", interim, REQUESTER);

        Set<FakeSlack.Call> before = new java.util.HashSet<>(d.app.slack.calls("views.open"));
        d.click(ConfigChangeSlackIds.OVERRIDE, p, RM1);
        FakeSlack.Call open = d.app.slack.awaitCall("views.open", c -> !before.contains(c)
                && c.param("view").contains(ConfigChangeSlackIds.OVERRIDE_MODAL) && c.param("view").contains("#" + p.id()),
                ChangeFlowDriver.WAIT);
        String meta = com.google.gson.JsonParser.parseString(open.param("view")).getAsJsonObject()
                .get("private_metadata").getAsString();
        var empty = d.app.signed.viewSubmission(ConfigChangeSlackIds.OVERRIDE_MODAL, meta,
                java.util.Map.of(ConfigChangeSlackIds.REASON, java.util.Map.of(ConfigChangeSlackIds.REASON, " ")), RM1)
                .send(d.app.server.getURI());
        assertThat(empty.body()).contains("errors").contains(ConfigChangeSlackIds.REASON);
        d.app.signed.viewSubmission(ConfigChangeSlackIds.OVERRIDE_MODAL, meta, java.util.Map.of(ConfigChangeSlackIds.REASON,
                java.util.Map.of(ConfigChangeSlackIds.REASON, "partner queue <during> the migration")), RM1)
                .send(d.app.server.getURI());

        d.awaitThread(p, "overrode the failing rules: _partner queue &lt;during&gt; the migration_");
        d.click(ConfigChangeSlackIds.GO, p, RM1);
        d.awaitThread(p, "Written");
        assertThat(d.parameter(QUEUE)).isEqualTo(interim);
    }

    @Test
    void unsetProposesTheRemovalAndTheGoRemovesTheKey() {
        String name = "/mail/prod/UNSET_FLOW_FLAG";
        d.putParameter(name, "on");
        Set<FakeSlack.Call> before = d.postsSoFar();
        String url = d.app.slack.responseUrl();
        d.app.signed.slashCommand("/deploy", "config unset mail prod UNSET_FLOW_FLAG", REQUESTER, d.commands, url)
                .send(d.app.server.getURI());
        ChangeFlowDriver.Posted p = d.awaitRequest(before, "I'm about to remove UNSET_FLOW_FLAG of mail in PROD");
        assertThat(p.call().allText()).contains("`on` → (removed)");
        assertThat(d.app.slack.awaitResponse(url, ChangeFlowDriver.WAIT).text()).contains("Change #" + p.id());

        d.click(ConfigChangeSlackIds.GO, p, RM1);
        d.awaitThread(p, "Written");
        try (var ssm = d.app.ssm()) {
            assertThat(ssm.getParametersByPath(r -> r.path("/mail/prod/")).parameters())
                    .noneMatch(x -> x.name().equals(name));
        }
    }

    @Test
    void aValidProposalIsRefusedToOutsidersAndItsProposerThenWrittenOnAnApproversGoAndAnnounced() {
        String before = ChangeFlowDriver.validQueue("prod");
        d.putParameter(QUEUE, before);
        long version = d.version(QUEUE);
        String after = ChangeFlowDriver.validQueue("prod");

        JsonObject form = d.openForm("prod", "EMAIL_QUEUE_URL", RM2);
        assertThat(form.toString()).contains(before).doesNotContain("initial_value");
        ChangeFlowDriver.Posted p = d.propose("prod", "EMAIL_QUEUE_URL", after, RM2);
        assertThat(p.call().allText()).contains(before).contains(after);

        d.click(ConfigChangeSlackIds.GO, p, OUTSIDER);
        d.awaitEphemeral(OUTSIDER, "Only approvers for PROD can decide");
        d.click(ConfigChangeSlackIds.GO, p, RM2);
        d.awaitEphemeral(RM2, "You proposed this change, and self-approval is off in PROD");
        assertThat(d.version(QUEUE)).isEqualTo(version);

        d.click(ConfigChangeSlackIds.GO, p, RM1);
        d.awaitThread(p, "Written");
        assertThat(d.parameter(QUEUE)).isEqualTo(after);
        assertThat(d.version(QUEUE)).isEqualTo(version + 1);
        FakeSlack.Call announced = d.app.slack.awaitCall("chat.postMessage", c -> c.param("thread_ts") == null
                && c.text() != null && c.text().startsWith("PROD: config EMAIL_QUEUE_URL of mail changed by"), ChangeFlowDriver.WAIT);
        assertThat(announced.text()).isEqualTo("PROD: config EMAIL_QUEUE_URL of mail changed by <@" + RM1 + "> (version "
                + version + " → " + (version + 1) + ")");
        d.awaitUpdate(p, c -> c.allText().contains("APPLIED") && !c.blocks().toString().contains(ConfigChangeSlackIds.GO));

        List<AuditEvent> audit = d.app.bean(AuditLog.class).find(AuditQuery.newestFirst(500)).stream()
                .filter(e -> e.type().startsWith("config_change.") && e.payloadJson().contains("\"change\":" + p.id() + ","))
                .toList();
        assertThat(audit).extracting(AuditEvent::type).contains("config_change.proposed", "config_change.state_changed");
        assertThat(audit).allSatisfy(e -> assertThat(e.payloadJson()).doesNotContain(after).doesNotContain(before));
        assertThat(audit.stream().map(AuditEvent::payloadJson).toList().toString()).containsPattern("[0-9a-f]{8}");
    }

    @Test
    void aChangeMadeInAwsMeanwhileMakesTheGoWriteNothingAndNamesTheChanger() {
        d.putParameter(QUEUE, ChangeFlowDriver.validQueue("prod"));
        ChangeFlowDriver.Posted p = d.propose("prod", "EMAIL_QUEUE_URL", ChangeFlowDriver.validQueue("prod"), REQUESTER);
        String meanwhile = ChangeFlowDriver.validQueue("prod");
        d.putParameter(QUEUE, meanwhile);

        d.click(ConfigChangeSlackIds.GO, p, RM1);

        FakeSlack.Call said = d.awaitThread(p, "Nothing written");
        assertThat(said.text()).contains("changed by");
        assertThat(d.parameter(QUEUE)).isEqualTo(meanwhile);
    }

    @Test
    void revertRestoresThePreviousValueThroughTheSameFlow() {
        String original = ChangeFlowDriver.validQueue("prod");
        d.putParameter(QUEUE, original);
        ChangeFlowDriver.Posted p = d.propose("prod", "EMAIL_QUEUE_URL", ChangeFlowDriver.validQueue("prod"), REQUESTER);
        d.click(ConfigChangeSlackIds.GO, p, RM1);
        d.awaitThread(p, "Written");

        Set<FakeSlack.Call> before = d.postsSoFar();
        d.command("config revert " + p.id(), REQUESTER);
        ChangeFlowDriver.Posted revert = d.awaitRequest(before, "I'm about to change EMAIL_QUEUE_URL of mail in PROD");
        assertThat(revert.call().allText()).contains("reverts change #" + p.id());
        d.click(ConfigChangeSlackIds.GO, revert, RM1);
        d.awaitThread(revert, "Written");

        assertThat(d.parameter(QUEUE)).isEqualTo(original);
    }

    @Test
    void doubleClicksMakeOneDecisionAndOneWrite() {
        d.putParameter(QUEUE, ChangeFlowDriver.validQueue("prod"));
        long version = d.version(QUEUE);
        ChangeFlowDriver.Posted p = d.propose("prod", "EMAIL_QUEUE_URL", ChangeFlowDriver.validQueue("prod"), REQUESTER);

        CompletableFuture<?> first = CompletableFuture.runAsync(() -> d.click(ConfigChangeSlackIds.GO, p, RM1));
        CompletableFuture<?> second = CompletableFuture.runAsync(() -> d.click(ConfigChangeSlackIds.GO, p, RM1));
        CompletableFuture<?> third = CompletableFuture.runAsync(() -> d.click(ConfigChangeSlackIds.GO, p, RM2));
        CompletableFuture.allOf(first, second, third).join();
        d.awaitThread(p, "Written");
        // Whichever go came first decided; the two others are refused, each to its clicker alone.
        Set<FakeSlack.Call> refused = new java.util.HashSet<>();
        for (int i = 0; i < 2; i++) {
            refused.add(d.app.slack.awaitCall("chat.postEphemeral", c -> !refused.contains(c) && c.text() != null
                    && c.text().matches("(?s).*(Change #" + p.id() + " is already|already said go on change #" + p.id()
                    + "\\b).*"), ChangeFlowDriver.WAIT));
        }

        assertThat(d.version(QUEUE)).isEqualTo(version + 1);
        assertThat(d.threadReplies(p, "Written")).hasSize(1);
        assertThat(d.threadReplies(p, "go ahead")).hasSize(1);
    }

    @Test
    void aSecretProposedThroughTheFormReachesAwsAndNoSlackCallCarriesIt() {
        String old = "made-up-old-" + System.nanoTime();
        String fresh = "made-up-new-" + System.nanoTime();
        d.putSecret("mail/prod", "{\"SMTP_PASSWORD\":\"" + old + "\",\"SMTP_USER\":\"mailer\"}");

        // Everything at DEBUG, as an operator chasing a problem would set it, while the value travels.
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger ours = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.flightdeck");
        ch.qos.logback.classic.Level rootLevel = root.getLevel();
        ch.qos.logback.classic.Level ourLevel = ours.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        ChangeFlowDriver.Posted p;
        try (LogCapture log = LogCapture.root()) {
            JsonObject form = d.openForm("prod", "SMTP_PASSWORD", REQUESTER);
            assertThat(form.toString()).contains("will never be shown again").doesNotContain(old).doesNotContain("initial_value");
            p = d.propose("prod", "SMTP_PASSWORD", fresh, REQUESTER);
            assertThat(p.call().allText()).containsPattern("`[0-9a-f]{8}` → `[0-9a-f]{8}`");
            d.click(ConfigChangeSlackIds.GO, p, RM1);
            d.awaitThread(p, "Written");
            assertThat(log.linesWithThrowables()).isNotEmpty()
                    .noneMatch(line -> line.contains(fresh)).noneMatch(line -> line.contains(old));
        } finally {
            root.setLevel(rootLevel);
            ours.setLevel(ourLevel);
        }

        assertThat(d.secret("mail/prod")).contains("\"SMTP_PASSWORD\":\"" + fresh + "\"").contains("\"SMTP_USER\":\"mailer\"");
        assertThat(d.everythingSentToSlack()).doesNotContain(fresh).doesNotContain(old);
    }

    @Test
    void aServiceWithoutChangesAndAnUnknownKeyAreAnsweredInWords() {
        String url = d.app.slack.responseUrl();
        d.app.signed.slashCommand("/deploy", "config set mail-reader prod EMAIL_QUEUE_URL", REQUESTER, d.commands, url)
                .send(d.app.server.getURI());
        assertThat(d.app.slack.awaitResponse(url, ChangeFlowDriver.WAIT).text())
                .contains("does not take config changes").contains("changes: true");

        String url2 = d.app.slack.responseUrl();
        d.app.signed.slashCommand("/deploy", "config set mail prod EMAIL_QUEUE_UR", REQUESTER, d.commands, url2)
                .send(d.app.server.getURI());
        assertThat(d.app.slack.awaitResponse(url2, ChangeFlowDriver.WAIT).text())
                .contains("knows no key `EMAIL_QUEUE_UR`").contains("`EMAIL_QUEUE_URL`");
    }
}
