package dev.flightdeck.slack.api;

import dev.flightdeck.alarms.AlertsApp;
import dev.flightdeck.testing.FakeFile;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.Fault;
import dev.flightdeck.testing.SlackManifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slack's three-step upload through the running app's FileUploads against the strict FakeSlack: the file lands in
 * the thread it was meant for; a missing files:write scope and a channel the bot is not in are answered as Slack
 * answers them, and nothing appears in the channel.
 */
class FileUploadsTest {

    final AlertsApp app = AlertsApp.shared();
    final FakeSlack slack = app.slack;
    final FileUploads uploads = app.bean(FileUploads.class);
    final byte[] png = "\u0089PNG\r\n\u001a\n pretend picture".getBytes(StandardCharsets.ISO_8859_1);

    @AfterEach
    void restoreScopes() {
        slack.grantScopes(SlackManifest.load().botScopes());
    }

    @Test
    void theFileLandsInTheThreadWithItsTitle() {
        String channel = slack.addChannel("uploads-" + System.nanoTime());
        String parent = slack.addMessage(channel, slack.botUserId(), "PROD: ALARM shop-prod-5xx");

        FileUploads.Outcome outcome = uploads.intoThread(channel, parent, "shop-prod-5xx-3h.png",
                "shop-prod-5xx: last 3 hours", png);

        assertThat(outcome).isInstanceOf(FileUploads.Outcome.Shared.class);
        String fileId = ((FileUploads.Outcome.Shared) outcome).fileId();
        FakeFile file = slack.files().stream().filter(f -> f.id().equals(fileId)).findFirst().orElseThrow();
        assertThat(file.channel()).isEqualTo(channel);
        assertThat(file.threadTs()).isEqualTo(parent);
        assertThat(file.title()).isEqualTo("shop-prod-5xx: last 3 hours");
        assertThat(file.filename()).isEqualTo("shop-prod-5xx-3h.png");
        assertThat(file.bytes()).isEqualTo(png);
        assertThat(slack.messagesIn(channel)).extracting(FakeMessage::ts).containsExactly(parent, file.ts());
        assertThat(slack.messagesIn(channel).get(1).threadTs()).isEqualTo(parent);

        FakeSlack.Call asked = slack.calls("files.getUploadURLExternal").stream()
                .filter(c -> "shop-prod-5xx-3h.png".equals(c.param("filename"))).reduce((a, b) -> b).orElseThrow();
        assertThat(asked.param("length")).isEqualTo(Integer.toString(png.length));
    }

    @Test
    void withoutFilesWriteNothingIsUploadedAndTheChannelStaysAsItWas() {
        String channel = slack.addChannel("uploads-" + System.nanoTime());
        String parent = slack.addMessage(channel, slack.botUserId(), "PROD: ALARM shop-prod-5xx");
        Set<String> scopes = new TreeSet<>(SlackManifest.load().botScopes());
        scopes.remove("files:write");
        slack.grantScopes(scopes);
        int filesBefore = slack.files().size();

        FileUploads.Outcome outcome = uploads.intoThread(channel, parent, "g.png", "g", png);

        assertThat(outcome).isEqualTo(new FileUploads.Outcome.Failed("files.getUploadURLExternal", "missing_scope"));
        assertThat(slack.files()).hasSize(filesBefore);
        assertThat(slack.messagesIn(channel)).extracting(FakeMessage::ts).containsExactly(parent);
    }

    @Test
    void inAChannelTheBotIsNotInSlackSaysNotInChannelAndNothingAppears() {
        String channel = slack.addChannelWithoutBot("uploads-" + System.nanoTime());
        String parent = slack.addMessage(channel, "U0SOMEONE", "our alarm");

        FileUploads.Outcome outcome = uploads.intoThread(channel, parent, "g.png", "g", png);

        assertThat(outcome).isEqualTo(new FileUploads.Outcome.Failed("files.completeUploadExternal", "not_in_channel"));
        assertThat(slack.messagesIn(channel)).extracting(FakeMessage::ts).containsExactly(parent);
    }

    @Test
    void anUploadUrlThatFailsOnceIsTriedAgainAndTheFileStillLands() {
        String channel = slack.addChannel("uploads-" + System.nanoTime());
        String parent = slack.addMessage(channel, slack.botUserId(), "PROD: ALARM shop-prod-5xx");
        slack.clearCalls();
        slack.failNextUpload(503);

        FileUploads.Outcome outcome = uploads.intoThread(channel, parent, "g.png", "g", png);

        assertThat(outcome).isInstanceOf(FileUploads.Outcome.Shared.class);
        assertThat(slack.calls(FakeSlack.FILE_UPLOAD)).extracting(FakeSlack.Call::status).containsExactly(503, 200);
        assertThat(slack.messagesIn(channel)).hasSize(2);
    }

    @Test
    void anUploadUrlThatRefusesTheBytesIsNotRetriedAndNothingIsShared() {
        String channel = slack.addChannel("uploads-" + System.nanoTime());
        String parent = slack.addMessage(channel, slack.botUserId(), "PROD: ALARM shop-prod-5xx");
        slack.clearCalls();
        slack.failNextUpload(400);

        FileUploads.Outcome outcome = uploads.intoThread(channel, parent, "g.png", "g", png);

        assertThat(outcome).isEqualTo(new FileUploads.Outcome.Failed(FileUploads.UPLOAD_STEP, "HTTP 400"));
        assertThat(slack.calls(FakeSlack.FILE_UPLOAD)).hasSize(1);
        assertThat(slack.calls("files.completeUploadExternal")).isEmpty();
        assertThat(slack.messagesIn(channel)).hasSize(1);
    }

    @Test
    void aRateLimitedStepIsRetriedAfterRetryAfter() {
        String channel = slack.addChannel("uploads-" + System.nanoTime());
        String parent = slack.addMessage(channel, slack.botUserId(), "PROD: ALARM shop-prod-5xx");
        slack.failNext("files.completeUploadExternal", Fault.rateLimited(java.time.Duration.ZERO));

        FileUploads.Outcome outcome = uploads.intoThread(channel, parent, "g.png", "g", png);

        assertThat(outcome).isInstanceOf(FileUploads.Outcome.Shared.class);
        assertThat(slack.messagesIn(channel)).hasSize(2);
    }
}
