package dev.flightdeck.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.deploy.DeployEvent;
import dev.flightdeck.deploy.DeployService;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.slack.deploy.DeployDriver;
import dev.flightdeck.testing.FakeSlack;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's "done when": the JSON log lines written during a full deploy and an incident parse one object per line,
 * and one trace id runs from the Slack request through the build trigger to the audit events, with no token or
 * signing secret anywhere in the log.
 */
class JsonLogTraceTest {

    final DeployDriver d = DeployDriver.shared();

    @Test
    void oneTraceIdFromTheSlackRequestThroughTheBuildTriggerToTheAuditEventAndNoSecretInTheLog() {
        String version = DeployDriver.newVersion();
        String title = "JSON trace probe " + System.nanoTime();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<ILoggingEvent> json = jsonAppender(context, captured);
        root.addAppender(json);
        long id;
        try {
            // dev: announce only, auto-start, so the request itself triggers the build.
            var p = d.request("commons", version, "dev", DeployDriver.REQUESTER, "");
            id = p.id();
            d.awaitState(id, DeployState.RUNNING);
            d.context().getBean(DeployService.class).buildStatus(id, DeployEvent.BUILD_SUCCEEDED, null, null);
            d.awaitState(id, DeployState.SUCCEEDED);
            for (String channel : List.of("incidents", "status")) {
                if (d.slack.channel(channel).isEmpty()) {
                    d.slack.addChannel(channel);
                }
            }
            var declared = d.signed().slashCommand("/incident", "declare " + title + " sev4", DeployDriver.LEAD,
                    d.commandChannel, d.slack.responseUrl()).send(d.uri());
            assertThat(declared.json().getAsJsonObject().get("text").getAsString()).contains("Declaring INC-");
        } finally {
            root.detachAppender(json);
            json.stop();
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        List<JsonObject> lines = Arrays.stream(log.split("\n")).filter(l -> !l.isBlank())
                .map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.keySet()).contains("level", "logger", "message"));

        JsonObject request = lines.stream().filter(l -> l.get("message").getAsString().startsWith("/deploy request by "
                + DeployDriver.REQUESTER)).filter(l -> l.has("traceId")).reduce((a, b) -> b).orElseThrow();
        String trace = request.get("traceId").getAsString();
        assertThat(trace).matches("[0-9a-f]{32}");
        assertThat(request.get("slackCommand").getAsString()).isEqualTo("/deploy");
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("message").getAsString()).startsWith("deploy #" + id + " commons " + version)
                    .contains("build started");
            assertThat(l.get("traceId").getAsString()).isEqualTo(trace);
        });
        List<AuditEvent> audit = d.context().getBean(AuditLog.class).find(AuditQuery.newestFirst(500));
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.type()).startsWith("deploy.");
            assertThat(e.traceId()).contains(trace);
        });

        JsonObject incident = lines.stream().filter(l -> l.get("message").getAsString().startsWith("/incident declare by "
                + DeployDriver.LEAD)).reduce((a, b) -> b).orElseThrow();
        String incidentTrace = incident.get("traceId").getAsString();
        assertThat(incidentTrace).isNotEqualTo(trace);
        assertThat(d.context().getBean(AuditLog.class).find(AuditQuery.newestFirst(500).by(DeployDriver.LEAD)))
                .anySatisfy(e -> assertThat(e.traceId()).contains(incidentTrace));

        assertThat(log).doesNotContain(FakeSlack.BOT_TOKEN).doesNotContain(TestApp.SIGNING_SECRET).doesNotContain("xoxb-");
    }

    private static OutputStreamAppender<ILoggingEvent> jsonAppender(LoggerContext context, ByteArrayOutputStream out) {
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        return appender;
    }
}
