package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.FakeSlackSdk;
import dev.flightdeck.testing.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's client reads Slack's answers exactly as the SDK's own client does, with one Gson for all of them. */
class SharedJsonMethodsClientTest {
    @RegisterExtension
    static final FakeSlackSdk fakeSdk = FakeSlackSdk.start();
    static final FakeSlack fake = fakeSdk.fake();
    static final Slack slack = fakeSdk.slack();
    MethodsClient sdk;
    MethodsClient shared;
    String deploys;

    @BeforeEach
    void fresh() {
        fake.reset();
        deploys = fake.addChannel("deploys");
        sdk = slack.methods(FakeSlack.BOT_TOKEN);
        shared = SharedJsonMethodsClient.of(slack, FakeSlack.BOT_TOKEN);
    }

    @Test
    void answersReadTheSameAsTheSdksOwnClient() throws Exception {
        String user = fake.addUser("ada");
        assertThat(withoutHeaders(shared.authTest(r -> r))).isEqualTo(withoutHeaders(sdk.authTest(r -> r)));
        assertThat(withoutHeaders(shared.usersInfo(r -> r.user(user)))).isEqualTo(withoutHeaders(sdk.usersInfo(r -> r.user(user))));
        assertThat(withoutHeaders(shared.conversationsInfo(r -> r.channel(deploys))))
                .isEqualTo(withoutHeaders(sdk.conversationsInfo(r -> r.channel(deploys))));
        // Twice over the shared client: the second answer is read by the Gson that read the first.
        for (int i = 0; i < 2; i++) {
            ChatPostMessageResponse mine = shared.chatPostMessage(r -> r.channel(deploys).text("commons 1.4.2 <to> prod")
                    .blocks(List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("*commons* 1.4.2"))))));
            ChatPostMessageResponse theirs = sdk.chatPostMessage(r -> r.channel(deploys).text("commons 1.4.2 <to> prod")
                    .blocks(List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("*commons* 1.4.2"))))));
            assertThat(mine.isOk()).isTrue();
            assertThat(mine.getChannel()).isEqualTo(theirs.getChannel());
            assertThat(mine.getTs()).isNotBlank().isNotEqualTo(theirs.getTs());
            assertThat(mine.getMessage().getText()).isEqualTo(theirs.getMessage().getText()).isEqualTo("commons 1.4.2 <to> prod");
            assertThat(mine.getMessage().getBlocks()).isEqualTo(theirs.getMessage().getBlocks()).hasSize(1);
            assertThat(mine.getHttpResponseHeaders()).containsOnlyKeys(theirs.getHttpResponseHeaders().keySet())
                    .containsKey("content-type");
        }
    }

    @Test
    void anOkFalseAnswerIsAnAnswerAndAnHttpErrorIsAnException() throws Exception {
        fake.failNext("conversations.create", Fault.error("name_taken"));
        var taken = shared.conversationsCreate(r -> r.name("inc-42"));
        assertThat(taken.isOk()).isFalse();
        assertThat(taken.getError()).isEqualTo("name_taken");

        fake.failNext("chat.postMessage", Fault.rateLimited(Duration.ofSeconds(3)));
        assertThatThrownBy(() -> shared.chatPostMessage(r -> r.channel(deploys).text("hello")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.getResponse().code()).isEqualTo(429);
                    assertThat(e.getResponse().header("Retry-After")).isEqualTo("3");
                    assertThat(e.getError().getError()).isEqualTo("ratelimited");
                });
        assertThat(fake.messagesIn(deploys)).isEmpty();
    }

    private static <T extends SlackApiTextResponse> T withoutHeaders(T response) {
        assertThat(response.isOk()).isTrue();
        response.setHttpResponseHeaders(null);
        return response;
    }
}
