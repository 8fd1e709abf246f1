package dev.flightdeck.slack;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.methods.request.auth.AuthTestRequest;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.edge.TraceMiddleware;

/** Every Slack request gets a trace id in the logging context; it follows the work onto the gateway's threads. */
class TracingTest {

    final TestApp app = TestApp.shared();

    @Test
    void aCommandsLogLineCarriesItsTraceIdTeamUserAndCommand() {
        try (LogCapture log = new LogCapture(CommandRouter.class)) {
            app.signed().slashCommand("/deploy", "status commons", "U0TRACER01", "C0TRACE001", app.slack.responseUrl())
                    .send(app.uri());
            var event = log.events().stream().filter(e -> e.getFormattedMessage().contains("U0TRACER01")).findFirst().orElseThrow();
            assertThat(event.getMDCPropertyMap().get("traceId")).matches("[0-9a-f]{32}");
            assertThat(event.getMDCPropertyMap().get("spanId")).matches("[0-9a-f]{16}");
            assertThat(event.getMDCPropertyMap()).containsEntry("slackUser", "U0TRACER01")
                    .containsEntry("slackCommand", "/deploy").containsEntry("slackTeam", app.slack.teamId());
        }
    }

    @Test
    void theGatewayCarriesTheCallersTraceIdOntoItsThreads() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        MDC.put(TraceMiddleware.TRACE_ID, "0123456789abcdef0123456789abcdef");
        try {
            app.bean(SlackGateway.class).call("auth.test", client -> {
                seen.set(MDC.get(TraceMiddleware.TRACE_ID));
                return client.authTest(AuthTestRequest.builder().build());
            }).get(5, TimeUnit.SECONDS);
        } finally {
            MDC.clear();
        }
        assertThat(seen.get()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void workAfterTheAckKeepsTheRequestsTraceId() throws Exception {
        var seen = new java.util.concurrent.CompletableFuture<String>();
        MDC.put(TraceMiddleware.TRACE_ID, "abcdefabcdefabcdefabcdefabcdefab");
        try {
            app.bean(dev.flightdeck.slack.edge.AfterAck.class)
                    .run("trace probe", () -> seen.complete(MDC.get(TraceMiddleware.TRACE_ID)));
        } finally {
            MDC.clear();
        }
        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("abcdefabcdefabcdefabcdefabcdefab");
    }

    @Test
    void jsonLogFormatWritesOneObjectPerLineWithTheTraceId() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            context.putProperty("FLIGHTDECK_LOG_FORMAT", "json");
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getResource("/logback.xml"));
            MDC.put(TraceMiddleware.TRACE_ID, "fedcba9876543210fedcba9876543210");
            context.getLogger("dev.flightdeck.Example").info("deploy {} requested", "commons");
            context.getLogger("dev.flightdeck.Example").warn("second \"line\"\n", new IllegalStateException("boom"));
        } finally {
            MDC.clear();
            context.stop(); // the console is written by logback's own thread: stopping writes what is queued
            System.setOut(original);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        JsonObject first = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertThat(first.get("level").getAsString()).isEqualTo("INFO");
        assertThat(first.get("logger").getAsString()).isEqualTo("dev.flightdeck.Example");
        assertThat(first.get("message").getAsString()).isEqualTo("deploy commons requested");
        assertThat(first.get("traceId").getAsString()).isEqualTo("fedcba9876543210fedcba9876543210");
        JsonObject second = JsonParser.parseString(lines[1]).getAsJsonObject();
        assertThat(second.get("level").getAsString()).isEqualTo("WARN");
        assertThat(second.get("message").getAsString()).isEqualTo("second \"line\"\n");
        assertThat(second.get("exception").getAsString()).startsWith("java.lang.IllegalStateException: boom");
    }
}
