package dev.flightdeck.testing;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** FakeSlack's file upload flow, driven through the real Slack SDK: as strict as Slack where an app can go wrong. */
class FakeSlackFilesTest {
    @RegisterExtension
    static final FakeSlackSdk fakeSdk = FakeSlackSdk.start();
    static final FakeSlack fake = fakeSdk.fake();
    static final Slack slack = fakeSdk.slack();
    final HttpClient http = HttpClient.newHttpClient();
    MethodsClient api;

    @BeforeEach
    void fresh() {
        fake.reset();
        api = slack.methods(FakeSlack.BOT_TOKEN);
    }

    FilesGetUploadURLExternalResponse urlFor(String name, int length) throws Exception {
        return api.filesGetUploadURLExternal(r -> r.filename(name).length(length));
    }

    int post(String url, byte[] bytes) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    FilesCompleteUploadExternalResponse complete(String fileId, String channel, String threadTs) throws Exception {
        return api.filesCompleteUploadExternal(r -> r.files(List.of(FileDetails.builder().id(fileId).title("t").build()))
                .channelId(channel).threadTs(threadTs));
    }

    @Test
    void theThreeStepsPutTheFileInTheThreadAsAMessageOfTheBot() throws Exception {
        String channel = fake.addChannel("alerts");
        String parent = fake.addMessage(channel, fake.botUserId(), "PROD: ALARM x");

        FilesGetUploadURLExternalResponse url = urlFor("x.png", 3);
        assertThat(url.isOk()).isTrue();
        assertThat(url.getFileId()).matches("F[A-Z0-9]{10}");
        assertThat(URI.create(url.getUploadUrl()).getHost()).isEqualTo("127.0.0.1");
        assertThat(post(url.getUploadUrl(), new byte[] {1, 2, 3})).isEqualTo(200);
        FilesCompleteUploadExternalResponse done = complete(url.getFileId(), channel, parent);

        assertThat(done.isOk()).isTrue();
        assertThat(done.getFiles()).extracting(f -> f.getId()).containsExactly(url.getFileId());
        FakeFile file = fake.files().get(0);
        assertThat(file.bytes()).containsExactly(1, 2, 3);
        FakeMessage reply = fake.messagesIn(channel).get(1);
        assertThat(reply.ts()).isEqualTo(file.ts());
        assertThat(reply.threadTs()).isEqualTo(parent);
        assertThat(reply.user()).isEqualTo(fake.botUserId());
        assertThat(fake.calls(FakeSlack.FILE_UPLOAD)).extracting(FakeSlack.Call::status).containsExactly(200);
    }

    @Test
    void noNameOrNoLengthIsInvalidArguments() throws Exception {
        assertThat(urlFor("", 3).getError()).isEqualTo("invalid_arguments");
        assertThat(api.filesGetUploadURLExternal(r -> r.filename("x.png")).getError()).isEqualTo("invalid_arguments");
        assertThat(urlFor("x.png", 0).getError()).isEqualTo("invalid_arguments");
    }

    @Test
    void bytesThatAreNotTheAnnouncedLengthAreRefusedAndTheFileCannotBeCompleted() throws Exception {
        String channel = fake.addChannel("alerts");
        FilesGetUploadURLExternalResponse url = urlFor("x.png", 4);

        assertThat(post(url.getUploadUrl(), new byte[] {1, 2, 3})).isEqualTo(400);
        assertThat(complete(url.getFileId(), channel, null).getError()).isEqualTo("file_not_found");
        assertThat(fake.messagesIn(channel)).isEmpty();
    }

    @Test
    void completingWithoutUploadingOrTwiceIsFileNotFound() throws Exception {
        String channel = fake.addChannel("alerts");
        FilesGetUploadURLExternalResponse url = urlFor("x.png", 1);
        assertThat(complete(url.getFileId(), channel, null).getError()).isEqualTo("file_not_found");

        post(url.getUploadUrl(), new byte[] {7});
        assertThat(complete(url.getFileId(), channel, null).isOk()).isTrue();
        assertThat(complete(url.getFileId(), channel, null).getError()).isEqualTo("file_not_found");
        assertThat(fake.files()).hasSize(1);
    }

    @Test
    void anUnknownUploadUrlIs404() throws Exception {
        assertThat(post(fake.baseUrl().replace("/api/", "/upload/v1/nosuchkey"), new byte[] {1})).isEqualTo(404);
    }

    @Test
    void sharingWhereTheBotIsNotAMemberIsNotInChannel() throws Exception {
        String channel = fake.addChannelWithoutBot("elsewhere");
        FilesGetUploadURLExternalResponse url = urlFor("x.png", 1);
        post(url.getUploadUrl(), new byte[] {7});

        assertThat(complete(url.getFileId(), channel, null).getError()).isEqualTo("not_in_channel");
        assertThat(fake.messagesIn(channel)).isEmpty();
        assertThat(fake.files()).isEmpty();
    }

    @Test
    void withoutFilesWriteBothMethodsAnswerMissingScope() throws Exception {
        Set<String> scopes = new TreeSet<>(SlackManifest.load().botScopes());
        assertThat(scopes).as("manifest.yml asks for it").contains("files:write");
        scopes.remove("files:write");
        fake.grantScopes(scopes);

        FilesGetUploadURLExternalResponse url = urlFor("x.png", 1);
        assertThat(url.getError()).isEqualTo("missing_scope");
        assertThat(url.getNeeded()).isEqualTo("files:write");
        assertThat(complete("F0000000000", fake.addChannel("alerts"), null).getError()).isEqualTo("missing_scope");
    }
}
