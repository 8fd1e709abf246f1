package dev.flightdeck.reliability;

import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.MutableClock;
import dev.flightdeck.testing.SignedRequests;
import dev.flightdeck.testing.TestApp;
import dev.flightdeck.testing.TestAws;
import dev.flightdeck.text.Mrkdwn;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS throttling: Flightdeck's SDK clients talk to moto_server through a proxy that throttles. A burst is
 * absorbed by the SDK's retries (the person sees the answer); throttling past the retry budget (aws.max-attempts,
 * 4) is told to the person plainly, and the next command after it clears works again.
 */
class AwsThrottlingTest {

    static final String ALICE = "U0ALICE001";
    static FakeSlack slack;
    static ThrottlingProxy proxy;
    static EmbeddedServer server;

    @BeforeAll
    static void start() {
        slack = new FakeSlack().start();
        Map<String, Object> aws = new HashMap<>(TestAws.properties());
        proxy = new ThrottlingProxy(URI.create(String.valueOf(aws.get("aws.endpoint-url"))));
        aws.put("aws.endpoint-url", proxy.url());
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, aws));
    }

    @AfterAll
    static void stop() {
        server.close();
        proxy.close();
        slack.stop();
    }

    @BeforeEach
    void clear() {
        proxy.throttleAll(false);
        proxy.throttleNext(0);
        proxy.resetCounts();
    }

    @Test
    void aBurstOfThrottlingIsAbsorbedByTheRetries() {
        proxy.throttleNext(2);
        String answer = config("config commons prod");
        assertThat(answer).contains("Config of commons in prod", "EMAIL_QUEUE_URL").doesNotContain("throttl");
        assertThat(proxy.throttled.get()).isEqualTo(2);
        assertThat(proxy.forwarded.get()).isGreaterThan(0);
    }

    @Test
    void throttlingPastTheRetryBudgetIsToldPlainlyAndTheNextTryWorks() {
        proxy.throttleAll(true);
        long started = System.nanoTime();
        String answer = config("config commons prod");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer).contains("AWS is throttling Flightdeck's requests (ThrottlingException, HTTP 400)",
                "try again in a minute").doesNotContain("Exception:", "\tat ", "Rate exceeded");
        // Each lookup was tried aws.max-attempts (4) times and nothing reached moto.
        assertThat(proxy.throttled.get()).isGreaterThanOrEqualTo(4);
        assertThat(proxy.forwarded.get()).isZero();
        System.out.printf("AwsThrottlingTest: %d throttled AWS calls, answer after %d ms%n", proxy.throttled.get(), millis);

        proxy.throttleAll(false);
        assertThat(config("config commons prod")).contains("EMAIL_QUEUE_URL");
    }

    /** {@code /deploy <text>}: the ack, then the answer posted to the response_url, as the person reads it. */
    private static String config(String text) {
        String channel = slack.addChannel("aws-" + System.nanoTime(), ALICE);
        String responseUrl = slack.responseUrl();
        var signed = new SignedRequests(TestApp.SIGNING_SECRET, server.getApplicationContext().getBean(MutableClock.class))
                .forWorkspace(slack);
        var reply = signed.slashCommand("/deploy", text, ALICE, channel, responseUrl).send(server.getURI());
        assertThat(reply.status()).isEqualTo(200);
        return Mrkdwn.unescape(slack.awaitResponse(responseUrl, Duration.ofSeconds(40)).allText());
    }
}
