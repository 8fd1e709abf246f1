package dev.flightdeck.slack.edge;

import com.slack.api.Slack;
import dev.flightdeck.slack.SlackListener;
import dev.flightdeck.telemetry.Spans;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.FakeSlackSdk;
import dev.flightdeck.testing.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Bolt app is built off the start-up thread: callers wait for it, boundedly, and learn when it cannot be had. */
class BoltAppTest {

    @RegisterExtension
    static final FakeSlackSdk fakeSdk = FakeSlackSdk.start();
    static final FakeSlack fake = fakeSdk.fake();
    static final Slack slack = fakeSdk.slack();

    static SlackSettings configured() {
        return new SlackSettings(FakeSlack.BOT_TOKEN, "secret", null, fake.baseUrl());
    }

    /** Asks again (each ask waits the app-wait) until the app is there or the time is up. */
    private static boolean builtWithin(BoltApp bolt, Duration limit) {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            try {
                return bolt.app().isPresent();
            } catch (BoltApp.NotReady stillStarting) {
                // asked too early: ask again
            }
        }
        return false;
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
        assertThat(builtWithin(bolt, Duration.ofSeconds(10))).isTrue();
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
    void aSlackOutageAtStartIsRetriedUntilTheAppIsBuiltAndSaysSoMeanwhile() throws InterruptedException {
        fake.failNext("auth.test", new Fault.HttpStatus(503));
        fake.failNext("auth.test", new Fault.HttpStatus(503));
        int before = fake.calls("auth.test").size();
        SlackListener listener = app -> app.command("/later", (req, ctx) -> ctx.ack("ok"));
        BoltApp bolt = new BoltApp(configured(), slack, () -> List.of(listener), Spans.noop(), Duration.ofMillis(50),
                Duration.ofMillis(400));

        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bolt.retrying().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(bolt.retrying()).as("/health says why while it retries")
                .hasValueSatisfying(reason -> assertThat(reason).contains("retrying"));
        assertThat(bolt.failure()).as("not a failure of this replica").isEmpty();
        assertThatThrownBy(bolt::app).isInstanceOf(BoltApp.NotReady.class).hasMessageContaining("still starting");

        assertThat(builtWithin(bolt, Duration.ofSeconds(10))).as("built once Slack answers").isTrue();
        assertThat(bolt.retrying()).isEmpty();
        assertThat(fake.calls("auth.test").size() - before).as("two failed checks, then the one that passed").isEqualTo(3);
    }

    @Test
    void theFirstRequestsAfterAStartDoNotCallAuthTestAgainInsideTheirAck() throws Exception {
        SlackListener listener = app -> app.command("/first", (req, ctx) -> ctx.ack("ok"));
        BoltApp bolt = new BoltApp(configured(), slack, () -> List.of(listener), Spans.noop(), Duration.ofSeconds(10));
        assertThat(builtWithin(bolt, Duration.ofSeconds(10))).isTrue();
        int atBuild = fake.calls("auth.test").size();

        for (int i = 0; i < 3; i++) {
            var request = new com.slack.api.bolt.request.builtin.SlashCommandRequest(
                    "command=%2Ffirst&text=&team_id=" + fake.teamId() + "&user_id=U0FIRST001&channel_id=C0FIRST001",
                    new com.slack.api.bolt.request.RequestHeaders(java.util.Map.of()));
            assertThat(bolt.app().orElseThrow().run(request).getStatusCode()).isEqualTo(200);
        }

        assertThat(fake.calls("auth.test")).as("Bolt's answer from the build is used, not fetched again per request")
                .hasSize(atBuild);
    }

    @Test
    void withoutABotTokenThereIsNoAppAndNothingToWaitFor() {
        Supplier<List<SlackListener>> none = () -> {
            throw new AssertionError("listeners are not made without Slack");
        };
        BoltApp bolt = new BoltApp(new SlackSettings(null, null, null, null), slack, none, Spans.noop(), Duration.ofSeconds(10));

        assertThat(bolt.app()).isEmpty();
        assertThat(bolt.failure()).isEmpty();
    }
}
