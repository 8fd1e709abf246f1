package dev.flightdeck.envconfig.change.secrecy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import dev.flightdeck.logging.SecretValueGuard;
import dev.flightdeck.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The logging guard (registered in logback.xml) on lines as other libraries and our own code would write them. */
class SecretValueGuardTest {

    private final String value = "s3cr3t-" + UUID.randomUUID();
    private final Logger someLibrary = LoggerFactory.getLogger("com.example.some.library");

    @Test
    void aHeldValueIsWithheldFromEveryShapeOfLineAtEveryLevel() {
        SecretValueGuard.hold(value, Duration.ofMinutes(1));
        try (AllLoggersAt trace = new AllLoggersAt(Level.TRACE); LogCapture log = LogCapture.root()) {
            someLibrary.trace("request body: {\"Value\":\"" + value + "\"}");
            someLibrary.debug("putting {} into {}", value, "/mail/prod/KEY");
            someLibrary.error("write failed", new IllegalStateException("bad value",
                    new IllegalArgumentException("Value '" + value + "' does not match")));
            someLibrary.info("an ordinary line about /mail/prod/KEY");

            List<String> lines = lines(log);
            assertThat(String.join("\n", lines)).doesNotContain(value)
                    .contains("an ordinary line about /mail/prod/KEY")
                    .contains("A log line from com.example.some.library was withheld");
            assertThat(lines).filteredOn(l -> l.contains("com.example.some.library was withheld")).hasSize(3);
        } finally {
            SecretValueGuard.release(value);
        }
    }

    @Test
    void aReleasedValueNoLongerWithholdsLines() {
        SecretValueGuard.hold(value, Duration.ofMinutes(1));
        SecretValueGuard.release(value);
        try (LogCapture log = LogCapture.root()) {
            someLibrary.warn("not a secret any more: {}", value);

            assertThat(lines(log)).anyMatch(l -> l.contains(value));
        }
    }

    @Test
    void aConfigChangeSubmissionIsWithheldBeforeItsValueIsKnown() {
        // As Bolt's parser and the Socket Mode client log a payload at DEBUG: nobody has held the value yet.
        String payload = "{\"type\":\"view_submission\",\"view\":{\"callback_id\":\"config_change\",\"state\":{\"values\":"
                + "{\"value\":{\"value\":{\"type\":\"plain_text_input\",\"value\":\"" + value + "\"}}}}}}";
        Logger bolt = LoggerFactory.getLogger("com.slack.api.bolt.util.SlackRequestParser");
        try (AllLoggersAt debug = new AllLoggersAt(Level.DEBUG); LogCapture log = LogCapture.root()) {
            bolt.debug("Received payload: {}", payload);
            bolt.debug("payload=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8));

            assertThat(String.join("\n", lines(log))).doesNotContain(value)
                    .contains("A log line from com.slack.api.bolt.util.SlackRequestParser was withheld");
        }
    }

    @Test
    void veryShortValuesAreNotMatchedSoTheLogStaysReadable() {
        SecretValueGuard.hold("ab", Duration.ofMinutes(1));
        try (LogCapture log = LogCapture.root()) {
            someLibrary.warn("about the table");

            assertThat(lines(log)).anyMatch(l -> l.contains("about the table"));
        } finally {
            SecretValueGuard.release("ab");
        }
    }

    /**
     * Lines with their exceptions, from a copy of the captured events: the shared app's threads may log meanwhile
     * (every logger is at TRACE), and streaming the live list would fail on their appends.
     */
    private static List<String> lines(LogCapture log) {
        return log.events().stream().map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }
}
