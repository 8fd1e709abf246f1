package dev.flightdeck.reliability;

import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed payload of a type Bolt does not know (Slack adds surfaces; a fuzzer sends anything) must not put what the
 * user typed in the log: Bolt's own WARN line carries the whole payload, ours only its type and size.
 */
class UnknownSlackPayloadLogTest {

    static final TestApp APP = TestApp.shared();
    static final String USER_TEXT = "my database password is hunter2 and the customer is ACME";

    @Test
    void anUnknownPayloadTypeIsLoggedAsTypeAndSizeNeverItsContent() {
        String payload = "{\"type\":\"brand_new_surface\",\"user\":{\"id\":\"U0REQUEST1\"},\"note\":\"" + USER_TEXT + "\"}";
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        try (LogCapture all = LogCapture.root()) {
            SignedRequest.Reply reply = APP.signed().sign(body, "application/x-www-form-urlencoded").send(APP.uri());
            assertThat(reply.status()).isEqualTo(400);
            List<String> lines = all.linesWithThrowables();
            assertThat(lines).noneMatch(l -> l.contains("hunter2") || l.contains("ACME"));
            assertThat(lines).filteredOn(l -> l.contains("does not handle"))
                    .containsExactly("WARN dev.flightdeck.logging.UnknownSlackPayloadFilter Slack sent a request Flightdeck"
                            + " does not handle: type brand_new_surface, " + payload.length() + " bytes (its content is not logged)");
        }
    }

    @Test
    void aTypeThatIsNotATypeNameIsNotLoggedEither() {
        String payload = "{\"type\":\"" + USER_TEXT + "\"}";
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        try (LogCapture all = LogCapture.root()) {
            APP.signed().sign(body, "application/x-www-form-urlencoded").send(APP.uri());
            assertThat(all.linesWithThrowables()).noneMatch(l -> l.contains("hunter2"))
                    .anyMatch(l -> l.contains("type (not a type name), " + payload.length() + " bytes"));
        }
    }
}
