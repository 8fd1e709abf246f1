package dev.flightdeck.aws.events;

import dev.flightdeck.testing.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the route says before it reads an event: no token configured, and how refusals reach the log. */
class AwsEventsRefusalsTest {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RejectedAwsEvents rejected = new RejectedAwsEvents(registry);

    @Test
    void withNoTokenConfiguredTheRouteSaysSoAndTakesNothing() {
        AwsEventsController controller = new AwsEventsController(new AwsEventsToken(""), rejected, null, null,
                List.of(), Clock.systemUTC());

        HttpResponse<String> answer = controller.events(
                AwsVendorEvents.text("parameter-store-change.create.json").getBytes(StandardCharsets.UTF_8), "anything");

        assertThat(answer.code()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("AWS events are not configured here: set FLIGHTDECK_AWS_EVENTS_TOKEN");
        assertThat(registry.counter(RejectedAwsEvents.METRIC, "reason", "not-configured").count()).isEqualTo(1);
    }

    @Test
    void theTokenMatchesOnlyExactly() {
        AwsEventsToken token = new AwsEventsToken("s3cret-made-up");
        assertThat(token.matches("s3cret-made-up")).isTrue();
        assertThat(token.matches("s3cret-made-u")).isFalse();
        assertThat(token.matches("s3cret-made-upp")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(new AwsEventsToken(" ").configured()).isFalse();
        assertThat(new AwsEventsToken(" ").matches(" ")).isFalse();
    }

    @Test
    void refusalsAreAllCountedButLoggedOncePerReasonAMinute() {
        try (LogCapture log = new LogCapture(RejectedAwsEvents.class)) {
            for (int i = 0; i < 5; i++) {
                rejected.record(RejectedAwsEvents.Reason.WRONG_TOKEN);
            }
            rejected.record(RejectedAwsEvents.Reason.MISSING_TOKEN);

            assertThat(log.lines()).containsExactly(
                    "WARN Refused an AWS events delivery: a wrong X-Flightdeck-Token (metric flightdeck.aws.events.rejected)",
                    "WARN Refused an AWS events delivery: no X-Flightdeck-Token header (metric flightdeck.aws.events.rejected)");
        }
        assertThat(registry.counter(RejectedAwsEvents.METRIC, "reason", "wrong-token").count()).isEqualTo(5);
    }
}
