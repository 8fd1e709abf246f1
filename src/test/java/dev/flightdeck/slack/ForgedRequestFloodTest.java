package dev.flightdeck.slack;

import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.TestApp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.edge.RejectedRequests;

/** A flood of forged requests is counted in a metric and summarised in a few log lines, not one line each. */
class ForgedRequestFloodTest {

    final TestApp app = TestApp.shared();

    @Test
    void aFloodIsCountedAndLoggedOncePerInterval() {
        var forged = app.signed().signedWith("guessed-secret");
        double before = rejectedBadSignature();
        try (LogCapture log = new LogCapture(RejectedRequests.class)) {
            app.clock.advance(RejectedRequests.LOG_INTERVAL.plusSeconds(1));
            for (int i = 0; i < 200; i++) {
                var reply = forged.slashCommand("/deploy", "lock commons prod -- " + i, "U0MALLORY1", "C0FLOOD001",
                        app.slack.responseUrl()).send(app.uri());
                assertThat(reply.status()).isEqualTo(401);
            }
            assertThat(log.lines()).hasSize(1);

            app.clock.advance(RejectedRequests.LOG_INTERVAL.plus(Duration.ofSeconds(1)));
            forged.slashCommand("/deploy", "help", "U0MALLORY1", "C0FLOOD001", app.slack.responseUrl()).send(app.uri());

            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(1)).startsWith("WARN Refused 200 Slack request(s)").contains("bad_signature");
            assertThat(String.join("\n", log.lines())).doesNotContain("guessed-secret", TestApp.SIGNING_SECRET);
        }
        assertThat(rejectedBadSignature()).isEqualTo(before + 201);
    }

    private double rejectedBadSignature() {
        var counter = app.bean(MeterRegistry.class).find("flightdeck.slack.requests.rejected").tag("reason", "bad_signature").counter();
        return counter == null ? 0 : counter.count();
    }
}
