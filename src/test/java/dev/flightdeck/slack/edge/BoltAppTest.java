package dev.flightdeck.slack.edge;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.telemetry.Spans;
import dev.flightdeck.testing.FakeSlack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Bolt app is built off the start-up thread: callers wait for it, boundedly, and learn when it cannot be had. */
class BoltAppTest {

    static final FakeSlack fake = new FakeSlack().start();
    static Slack slack;

    @BeforeAll
    static void sdk() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.baseUrl());
        slack = Slack.getInstance(config);
    }

    @AfterAll
    static void stop() throws Exception {
        slack.close();
        fake.stop();
    }

    static SlackSettings configured() {
        return new SlackSettings(FakeSlack.BOT_TOKEN, "secret", null, fake.baseUrl());
    }

    @Test
    void theConstructorReturnsBeforeTheListenersAreRegisteredAndCallersWaitForThem() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch registering = new CountDownLatch(1);
        SlackListener slow = app -> {
            registering.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            app.command("/slow", (req, ctx) -> ctx.ack("ok"));
        };
        BoltApp bolt = new BoltApp(configured(), slack, () -> List.of(slow), Spans.noop(), Duration.ofMillis(200));

        assertThat(registering.await(10, TimeUnit.SECONDS)).as("built on its own thread").isTrue();
        assertThatThrownBy(bolt::app).isInstanceOf(BoltApp.NotReady.class).hasMessageContaining("still starting");
        assertThat(bolt.failure()).isEmpty();

        release.countDown();
        assertThat(bolt.whenBuilt().get(10, TimeUnit.SECONDS)).isPresent();
        assertThat(bolt.app()).isPresent();
        assertThat(fake.calls("auth.test")).as("Bolt's own auth.test, made off the start-up thread").isNotEmpty();
    }

    @Test
    void aListenerThatFailsLeavesNoAppAndSaysSo() {
        SlackListener broken = app -> {
            throw new IllegalStateException("duplicate handler");
        };
        BoltApp bolt = new BoltApp(configured(), slack, () -> List.of(broken), Spans.noop(), Duration.ofSeconds(10));

        assertThatThrownBy(bolt::app).isInstanceOf(BoltApp.NotReady.class).hasMessageContaining("failed to start");
        assertThat(bolt.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("failed"));
    }

    @Test
    void withoutABotTokenThereIsNoAppAndNothingToWaitFor() {
        BoltApp bolt = new BoltApp(new SlackSettings(null, null, null, null), slack, () -> {
            throw new AssertionError("listeners are not made without Slack");
        }, Spans.noop(), Duration.ofSeconds(10));

        assertThat(bolt.app()).isEmpty();
        assertThat(bolt.failure()).isEmpty();
    }
}
