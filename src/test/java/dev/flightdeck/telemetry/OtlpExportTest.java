package dev.flightdeck.telemetry;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeOtlpCollector;
import dev.flightdeck.testing.FakeOtlpCollector.ExportedSpan;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.LogCapture;
import dev.flightdeck.testing.TestApp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.deploy.DeploySlackIds;

/**
 * With an OTLP endpoint set, the spans of a Slack request (the HTTP request, the Slack request, its after-ack work,
 * Slack API calls, AWS calls, the build trigger) reach a collector, under the trace id its log lines and audit
 * events carry. The no-endpoint side is {@link NoOtlpExportTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtlpExportTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    FakeSlack slack;
    FakeOtlpCollector collector;
    EmbeddedServer server;
    DeployDriver d;

    @BeforeAll
    void start() {
        slack = new FakeSlack().start();
        collector = new FakeOtlpCollector();
        server = ApplicationContext.run(EmbeddedServer.class, TestApp.properties(slack, Map.of(
                "otel.exporter.otlp.endpoint", collector.endpoint(),
                "otel.bsp.schedule.delay", "50ms",
                // The HTTP server span is off by default (its cost, application.yml); this test checks it joins when on.
                "tracing.http.server.path", "/**")));
        d = new DeployDriver(slack, server);
    }

    @AfterAll
    void stop() {
        server.close();
        slack.stop();
        collector.close();
    }

    @Test
    void theSpansOfDeployStatusReachTheCollectorUnderTheTraceIdOfItsLogLines() throws Exception {
        assertThat(server.getApplicationContext().findBean(SpanExporter.class)).isPresent();
        String traceId;
        try (LogCapture log = LogCapture.root()) {
            d.command("status commons", DeployDriver.REQUESTER, slack.responseUrl());
            traceId = log.events().stream().filter(e -> DeployDriver.REQUESTER.equals(e.getMDCPropertyMap().get("slackUser")))
                    .map(e -> e.getMDCPropertyMap().get("traceId")).findFirst().orElseThrow();
        }
        ExportedSpan command = collector.await(s -> s.name().equals("slack /deploy") && s.traceId().equals(traceId), WAIT);
        assertThat(command.attributes()).containsEntry("slackUser", DeployDriver.REQUESTER)
                .containsEntry("slackCommand", "/deploy");
        // Micronaut Tracing's server span for POST /slack/events is the parent: one trace from the HTTP edge on.
        ExportedSpan http = collector.await(s -> s.spanId().equals(command.parentSpanId()), WAIT);
        assertThat(http.traceId()).isEqualTo(traceId);
        assertThat(http.kind()).isEqualTo(2); // SPAN_KIND_SERVER
        assertThat(collector.contentTypes()).allMatch(t -> t.startsWith("application/x-protobuf"));
    }

    @Test
    void aDeploysClickIsOneTraceFromTheRequestThroughSlackCallsTheBuildTriggerAndTheAuditEvent() throws Exception {
        d.moveToWindow(true);
        String v = DeployDriver.newVersion();
        DeployDriver.Posted p;
        String goTrace;
        List<ILoggingEvent> events;
        try (LogCapture log = LogCapture.root()) {
            p = d.request("commons", v, "prod", DeployDriver.REQUESTER, "");
            d.click(DeploySlackIds.DEPLOY_GO, p, DeployDriver.RM1);
            d.awaitState(p.id(), DeployState.RUNNING);
            d.awaitThreadReply(p, "PROD: Job commons-prod-server #");
            events = log.events();
        }
        // The audit event of the go decision names the trace: audit trail, traces and log lines join on it.
        List<AuditEvent> audit = server.getApplicationContext().getBean(AuditLog.class)
                .find(AuditQuery.newestFirst(200).ofTypes("deploy.state_changed"));
        goTrace = audit.stream().filter(e -> e.actor().equals(DeployDriver.RM1)).map(e -> e.traceId().orElseThrow())
                .findFirst().orElseThrow();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getFormattedMessage()).contains("build started");
            assertThat(e.getMDCPropertyMap()).containsEntry("traceId", goTrace);
        });

        collector.await(s -> s.traceId().equals(goTrace) && s.name().equals("slack action:" + DeploySlackIds.DEPLOY_GO), WAIT);
        collector.await(s -> s.traceId().equals(goTrace) && s.name().startsWith("build trigger "), WAIT);
        collector.await(s -> s.traceId().equals(goTrace) && s.name().equals("slack chat.update"), WAIT);
        collector.await(s -> s.traceId().equals(goTrace) && s.name().equals("slack chat.postMessage"), WAIT);
        // Every span of the click's trace hangs off one root: none was orphaned on another thread. A span is exported
        // when it ends, so the after-ack span arrives after its children: wait until every parent has arrived.
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<ExportedSpan> orphans = orphans(goTrace);
        while (orphans.size() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            orphans = orphans(goTrace);
        }
        assertThat(orphans).hasSize(1);

        // The request's checks asked AWS (CloudWatch alarms, SSM config rules) inside the request's trace.
        String requestTrace = events.stream().filter(e -> DeployDriver.REQUESTER.equals(e.getMDCPropertyMap().get("slackUser")))
                .map(e -> e.getMDCPropertyMap().get("traceId")).findFirst().orElseThrow();
        assertThat(requestTrace).isNotEqualTo(goTrace);
        collector.await(s -> s.traceId().equals(requestTrace) && s.name().startsWith("aws "), WAIT);
        collector.await(s -> s.traceId().equals(requestTrace) && s.name().startsWith("after-ack "), WAIT);
        // Span attributes never carry a token or the signing secret.
        assertThat(collector.spans()).allSatisfy(s -> assertThat(s.attributes().values().toString())
                .doesNotContain(FakeSlack.BOT_TOKEN).doesNotContain(TestApp.SIGNING_SECRET));
    }

    private List<ExportedSpan> orphans(String traceId) {
        List<ExportedSpan> trace = collector.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
        Set<String> ids = trace.stream().map(ExportedSpan::spanId).collect(Collectors.toSet());
        return trace.stream().filter(s -> !ids.contains(s.parentSpanId())).toList();
    }
}
