package dev.flightdeck.reliability;

import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed form body made of tens of thousands of fields: the decoder once searched the rest of
 * the body for each field's '=', so 200 KB with 50,000 '&' took seconds of CPU. Now such a body is refused with a
 * 400 naming the cap, in time proportional to its size.
 */
class FormFloodTest {

    final TestApp app = TestApp.shared("hostile");

    @Test
    void aSignedBodyWithFiftyThousandAmpersandsIsRefusedWith400AsFastAsASmallOne() {
        // The shapes that were slowest: no '=' at all, and a slash command padded with empty pairs.
        String[] floods = {"&".repeat(50_000) + "x".repeat(150_000),
                "command=%2Fdeploy&text=help" + "&a".repeat(50_000) + "=" + "y".repeat(100_000)};
        for (String flood : floods) {
            assertThat(flood.length()).isGreaterThan(195_000);
            int callsBefore = app.slack.calls().size();
            SignedRequest.Reply reply = app.signed().sign(flood, "application/x-www-form-urlencoded").send(app.uri());
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).contains("too many form fields (at most 100)");
            Hostile.assertNoStackTrace(reply);
            assertThat(app.slack.calls()).hasSize(callsBefore);
        }

        // Median of several sends, each against a small body sent just before it: the machine's load affects both alike.
        // A small body of the same shape (a flood of 80 fields) is under the cap and answered normally.
        long small = medianNanos(() -> app.signed().sign("&".repeat(80), "application/x-www-form-urlencoded"));
        long big = medianNanos(() -> app.signed().sign(floods[0], "application/x-www-form-urlencoded"));
        // Quadratic decoding made the big body thousands of times slower; sending 200 KB over loopback and hashing it
        // costs a few times a small body's time.
        assertThat(big).as("median ns: big %d, small %d", big, small).isLessThan(Math.max(40 * small, 50_000_000L));
    }

    @Test
    void aBodyAtTheCapIsStillServed() {
        String padded = app.signed().slashCommand("/deploy", "help", "U0ALICE001",
                app.slack.addChannel("flood-" + System.nanoTime(), "U0ALICE001"), app.slack.responseUrl()).body();
        int fields = padded.split("&", -1).length;
        String atCap = padded + "&pad=1".repeat(100 - fields);
        SignedRequest.Reply reply = app.signed().sign(atCap, "application/x-www-form-urlencoded").send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getAsJsonObject().get("response_type").getAsString()).isEqualTo("ephemeral");
    }

    private long medianNanos(Supplier<SignedRequest> request) {
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            SignedRequest r = request.get();
            long start = System.nanoTime();
            r.send(app.uri());
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
