package dev.flightdeck.telemetry;

import dev.flightdeck.slack.CommandRouter;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Off by default: with no OTLP endpoint there is no exporter, no batch thread, and requests still get trace ids. */
class NoOtlpExportTest {

    @Test
    void withNoEndpointNothingIsExportedAndNoExporterExists() {
        FakeSlack slack = new FakeSlack().start();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of()));
             LogCapture log = new LogCapture(CommandRouter.class)) {
            assertThat(server.getApplicationContext().findBean(SpanExporter.class)).isEmpty();
            assertThat(server.getApplicationContext().findBean(SpanProcessor.class)).isEmpty();
            new dev.flightdeck.testing.SignedRequests(TestApp.SIGNING_SECRET,
                    server.getApplicationContext().getBean(dev.flightdeck.testing.MutableClock.class)).forWorkspace(slack)
                    .slashCommand("/deploy", "status commons", "U0NOEXPORT", "C0NOEXPORT", slack.responseUrl()).send(server.getURI());
            assertThat(log.events()).anySatisfy(e ->
                    assertThat(e.getMDCPropertyMap().get("traceId")).matches("[0-9a-f]{32}"));
        } finally {
            slack.stop();
        }
    }

}
