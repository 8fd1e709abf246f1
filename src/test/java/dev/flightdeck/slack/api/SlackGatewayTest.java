package dev.flightdeck.slack.api;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.FakeSlackSdk;
import dev.flightdeck.testing.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.flightdeck.slack.edge.SlackSettings;

class SlackGatewayTest {
    @RegisterExtension
    static final FakeSlackSdk fakeSdk = FakeSlackSdk.start();
    static final FakeSlack fake = fakeSdk.fake();
    static final Slack slack = fakeSdk.slack();
    /** Short 5xx backoff, no jitter, so growth is measurable; 429s still wait the real Retry-After. */
    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), 0,
            Duration.ofSeconds(1), Duration.ofSeconds(60));
    SlackGateway gateway;
    String deploys;

    io.micrometer.core.instrument.simple.SimpleMeterRegistry meters;

    @BeforeEach
    void fresh() {
        fake.reset();
        deploys = fake.addChannel("deploys");
        meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        gateway = new SlackGateway(slack, new SlackSettings(FakeSlack.BOT_TOKEN, null, null, fake.baseUrl()), FAST, meters);
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    private ChatPostMessageRequest message(String text) {
        return ChatPostMessageRequest.builder().channel(deploys).text(text).build();
    }

    @Test
    void rateLimitedPostIsRetriedAfterRetryAfterAndDeliveredOnce() throws Exception {
        fake.failNext("chat.postMessage", Fault.rateLimited(Duration.ofSeconds(1)));

        ChatPostMessageResponse response = gateway.postMessage(message("PROD: commons 1.4.2 started")).get(10, TimeUnit.SECONDS);

        assertThat(response.isOk()).isTrue();
        List<FakeSlack.Call> calls = fake.calls("chat.postMessage");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).fault()).isEqualTo(Fault.rateLimited(Duration.ofSeconds(1)));
        assertThat(calls.get(1).ok()).isTrue();
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(fake.messagesIn(deploys)).extracting(m -> m.text()).containsExactly("PROD: commons 1.4.2 started");
        // Operators see rate limiting in the metrics: one retry for it, one call that went through.
        assertThat(meters.counter("flightdeck.slack.api.retries", "method", "chat.postMessage", "reason", "ratelimited").count()).isEqualTo(1);
        assertThat(meters.counter("flightdeck.slack.api.calls", "method", "chat.postMessage", "outcome", "ok").count()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackoffThenDeliveredOnce() throws Exception {
        fake.failNext("chat.postMessage", Fault.times(2, Fault.httpStatus(503)));

        assertThat(gateway.postMessage(message("hello")).get(10, TimeUnit.SECONDS).isOk()).isTrue();

        List<FakeSlack.Call> calls = fake.calls("chat.postMessage");
        assertThat(calls).extracting(FakeSlack.Call::status).containsExactly(503, 503, 200);
        Duration first = Duration.between(calls.get(0).at(), calls.get(1).at());
        Duration second = Duration.between(calls.get(1).at(), calls.get(2).at());
        assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(fake.messagesIn(deploys)).hasSize(1);
    }

    @Test
    void persistentServerErrorsFailWithSlackCallFailedAfterMaxAttempts() {
        fake.failNext("chat.postMessage", Fault.times(10, Fault.httpStatus(503)));

        assertThatThrownBy(() -> gateway.postMessage(message("hello")).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(SlackCallFailed.class, e -> {
                    assertThat(e.method()).isEqualTo("chat.postMessage");
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.lastStatus()).isEqualTo(503);
                    assertThat(e.getMessage()).doesNotContain(FakeSlack.BOT_TOKEN);
                });
        assertThat(fake.calls("chat.postMessage")).hasSize(4);
        assertThat(fake.messagesIn(deploys)).isEmpty();
    }

    @Test
    void slackErrorsLikeNameTakenAreReturnedNotRetried() throws Exception {
        fake.failNext("conversations.create", Fault.error("name_taken"));

        ConversationsCreateResponse response = gateway.call("conversations.create",
                c -> c.conversationsCreate(r -> r.name("inc-42"))).get(5, TimeUnit.SECONDS);

        assertThat(response.isOk()).isFalse();
        assertThat(response.getError()).isEqualTo("name_taken");
        assertThat(fake.calls("conversations.create")).hasSize(1);
    }

    @Test
    void callsRunOnTheGatewaysThreadsNeverTheCallers() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        gateway.call("auth.test", c -> {
            ranOn.set(Thread.currentThread());
            return c.authTest(r -> r);
        }).get(5, TimeUnit.SECONDS);

        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().getName()).startsWith("slack-gateway-");
    }

    @Test
    void unreachableSlackFailsAfterRetriesAndWithoutATokenFailsAtOnce() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://127.0.0.1:1/api/");
        try (SlackGateway unreachable = new SlackGateway(Slack.getInstance(config),
                new SlackSettings(FakeSlack.BOT_TOKEN, null, null, null), FAST);
             SlackGateway unconfigured = new SlackGateway(slack, new SlackSettings(null, null, null, null), FAST)) {
            assertThatThrownBy(() -> unreachable.call("auth.test", c -> c.authTest(r -> r)).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(SlackCallFailed.class, e -> {
                        assertThat(e.attempts()).isEqualTo(4);
                        assertThat(e.lastStatus()).isZero();
                    });
            assertThatThrownBy(() -> unconfigured.postMessage(message("x")).get(1, TimeUnit.SECONDS))
                    .cause().isInstanceOf(SlackCallFailed.class).hasMessageContaining("SLACK_BOT_TOKEN");
        }
    }
}
