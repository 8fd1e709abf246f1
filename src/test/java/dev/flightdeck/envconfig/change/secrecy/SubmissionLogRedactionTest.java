package dev.flightdeck.envconfig.change.secrecy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.SignedRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A config change modal's submission, signed as Slack sends it, with every logger at TRACE: the value typed into it
 * is in no log line, whichever server path takes the request (the Netty fast path, or Micronaut's route, which takes
 * an {@code Expect: 100-continue} request), and not in the answer to Slack. Bolt 1.51 writes payloads only in its
 * unknown-payload and ssl_check lines and in handler errors (SecretValueGuardTest covers those shapes); here the
 * whole request is logged at TRACE, and the value the edge took from it is then withheld from any line.
 */
class SubmissionLogRedactionTest {

    private static final ConfigChangeApp APP = ConfigChangeApp.shared();

    @Test
    void fastPathLogsNoSubmittedValueAtTrace() throws Exception {
        String value = "s3cr3t-" + UUID.randomUUID();
        SignedRequest submission = submission(value);

        List<ILoggingEvent> events;
        SignedRequest.Reply reply;
        try (AllLoggersAt trace = new AllLoggersAt(Level.TRACE); LogCapture log = LogCapture.root()) {
            reply = submission.send(APP.server.getURI());
            events = log.events();
        }

        assertThat(reply.body() == null ? "" : reply.body()).doesNotContain(value);
        assertNoLineCarries(events, value);
    }

    @Test
    void micronautRouteLogsNoSubmittedValueAtTrace() throws Exception {
        String value = "s3cr3t-" + UUID.randomUUID();
        SignedRequest submission = submission(value);
        HttpRequest.Builder request = HttpRequest.newBuilder(APP.server.getURI().resolve("/slack/events"))
                .version(HttpClient.Version.HTTP_1_1).expectContinue(true).timeout(Duration.ofSeconds(30))
                .header("Content-Type", submission.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(submission.body()));
        submission.headers().forEach(request::header);

        List<ILoggingEvent> events;
        HttpResponse<String> reply;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (AllLoggersAt trace = new AllLoggersAt(Level.TRACE); LogCapture log = LogCapture.root()) {
            reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            events = log.events();
        }

        assertThat(reply.statusCode()).isLessThan(500);
        assertThat(reply.body()).doesNotContain(value);
        assertNoLineCarries(events, value);
    }

    private static SignedRequest submission(String value) {
        String proposer = APP.slack.addUser("secrecy-log-" + UUID.randomUUID().toString().substring(0, 8));
        String metadata = "{\"service\":\"mail\",\"env\":\"prod\",\"key\":\"SECRECY_LOG_KEY\",\"channel\":\"\",\"user\":\""
                + proposer + "\"}";
        return APP.signed.viewSubmission("config_change", metadata, Map.of("value", Map.of("value", value)), proposer);
    }

    private static void assertNoLineCarries(List<ILoggingEvent> events, String value) throws IOException {
        assertThat(events).as("TRACE logging was on: the request left lines").isNotEmpty();
        for (ILoggingEvent e : events) {
            StringBuilder all = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
            e.getMDCPropertyMap().forEach((k, v) -> all.append(' ').append(k).append('=').append(v));
            if (e.getThrowableProxy() != null) {
                all.append(ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            assertThat(all.toString()).as("a log line").doesNotContain(value);
        }
        // The edge held the submitted value: a line carrying it, from anywhere, is withheld while it is handled.
        try (LogCapture log = LogCapture.root()) {
            LoggerFactory.getLogger("com.example.a.handler").warn("could not use {}", value);
            assertThat(log.events().stream().map(ILoggingEvent::getFormattedMessage)).noneMatch(l -> l.contains(value))
                    .anyMatch(l -> l.contains("A log line from com.example.a.handler was withheld"));
        }
    }
}
