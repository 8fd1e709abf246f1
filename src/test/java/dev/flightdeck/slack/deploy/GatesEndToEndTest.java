package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.testing.MotoServer;
import dev.flightdeck.testing.SignedRequest;
import dev.flightdeck.testing.TestAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.flightdeck.slack.deploy.DeployDriver.REQUESTER;
import static dev.flightdeck.slack.deploy.DeployDriver.RM1;
import static dev.flightdeck.slack.deploy.DeployDriver.RM2;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.slack.incident.IncidentSlackIds;

/**
 * The gates of the other features, through a real /deploy request: alarms firing (CloudWatch in moto), a config
 * rule failing (SSM in moto: the reproduced outage), and an open sev1 incident freezing prod.
 */
class GatesEndToEndTest {

    final DeployDriver d = DeployDriver.shared();
    final MotoServer moto = TestAws.moto();

    @BeforeEach
    void insideTheWindow() {
        d.moveToWindow(true);
    }

    @AfterEach
    void releaseLocks() {
        d.finishInFlight();
    }

    @Test
    void anAlarmFiringForTheServiceBlocksProdNamingItAndAnApproversOverrideProceeds() {
        try (CloudWatchClient cw = CloudWatchClient.builder().region(moto.region()).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            cw.putMetricAlarm(r -> r.alarmName("commons-prod-5xx").namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count")
                    .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(10.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            cw.setAlarmState(r -> r.alarmName("commons-prod-5xx").stateValue(StateValue.ALARM)
                    .stateReason("Threshold Crossed: 1 datapoint [42.0] was greater than the threshold (10.0)."));
            try {
                var p = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, "");
                assertThat(d.slack.awaitResponse(p.responseUrl(), DeployDriver.WAIT).rawBody()).contains("blocked by *alarms*");
                assertThat(d.message(p).allText()).contains("commons-prod-5xx");

                d.click(DeploySlackIds.DEPLOY_OVERRIDE, p, RM2);
                d.slack.awaitCall("views.open", c -> c.param("view").contains(DeploySlackIds.DEPLOY_OVERRIDE_MODAL)
                        && c.param("view").contains(String.valueOf(p.id())), DeployDriver.WAIT);
                submitOverride(p, "5xx from a canary node being drained", RM2);
                d.awaitThreadReply(p, "<@" + RM2 + "> overrode *alarms*");
                d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
                d.awaitState(p.id(), DeployState.RUNNING);
                assertThat(d.backend().triggersOf(p.id())).isEqualTo(1);
            } finally {
                cw.deleteAlarms(r -> r.alarmNames("commons-prod-5xx"));
            }
        }
    }

    @Test
    void theReproducedOutageBlocksProdNamingTheKeyAndTheRule() {
        String key = "/commons/prod/EMAIL_QUEUE_URL";
        String good = "https://sqs.us-east-1.amazonaws.com/123456789012/commons-prod-emails";
        try (SsmClient ssm = SsmClient.builder().region(moto.region()).endpointOverride(moto.endpoint())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            // Prod set by hand to staging's queue: two consumers on one queue, emails silently dropped.
            ssm.putParameter(r -> r.name(key).type(ParameterType.STRING).overwrite(true)
                    .value("https://sqs.us-east-1.amazonaws.com/123456789012/commons-staging-emails"));
            try {
                var p = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, "");
                assertThat(d.slack.awaitResponse(p.responseUrl(), DeployDriver.WAIT).rawBody()).contains("blocked by *config*");
                assertThat(d.message(p).allText()).contains("EMAIL_QUEUE_URL");
                d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
                d.awaitEphemeral(RM1, "is blocked by *config*");
                assertThat(d.repository().find(p.id()).orElseThrow().state()).isEqualTo(DeployState.REQUESTED);
            } finally {
                ssm.putParameter(r -> r.name(key).type(ParameterType.STRING).overwrite(true).value(good));
            }
        }
    }

    @Test
    void anOpenSev1FreezesProdNamingTheIncidentAndResolvingItLiftsTheFreeze() {
        for (String name : new String[] {"incidents", "status"}) {
            if (d.slack.channel(name).isEmpty()) {
                d.slack.addChannel(name);
            }
        }
        SignedRequest.Reply declared = d.signed().slashCommand("/incident", "declare Checkout down sev1", RM1,
                d.commandChannel, d.slack.responseUrl()).send(d.uri());
        Matcher m = Pattern.compile("Declaring (INC-\\d+)").matcher(declared.json().getAsJsonObject().get("text").getAsString());
        assertThat(m.find()).isTrue();
        String incident = m.group(1);
        try {
            var blocked = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, "");
            assertThat(d.slack.awaitResponse(blocked.responseUrl(), DeployDriver.WAIT).rawBody()).contains("blocked by *freeze*");
            assertThat(d.message(blocked).allText()).contains(incident + " (sev1) is open: Checkout down");
            d.click(DeploySlackIds.DEPLOY_CANCEL, blocked, REQUESTER);
        } finally {
            var resolved = d.signed().viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, incident, Map.of(
                    IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Checkout was down.")), RM1).send(d.uri());
            assertThat(resolved.status()).isEqualTo(200);
        }
        var after = d.request("commons", DeployDriver.newVersion(), "prod", REQUESTER, "");
        assertThat(d.slack.awaitResponse(after.responseUrl(), DeployDriver.WAIT).rawBody()).doesNotContain("blocked by");
        d.click(DeploySlackIds.DEPLOY_GO, after, RM1);
        d.awaitState(after.id(), DeployState.RUNNING);
    }

    @Test
    void aDeployThatStartsDuringAnIncidentAppearsOnItsTimeline() {
        for (String name : new String[] {"incidents", "status"}) {
            if (d.slack.channel(name).isEmpty()) {
                d.slack.addChannel(name);
            }
        }
        // sev3 does not freeze prod (freeze-at: sev2), so the deploy goes ahead while the incident is open.
        SignedRequest.Reply declared = d.signed().slashCommand("/incident", "declare Slow search sev3", RM1,
                d.commandChannel, d.slack.responseUrl()).send(d.uri());
        Matcher m = Pattern.compile("Declaring INC-(\\d+)").matcher(declared.json().getAsJsonObject().get("text").getAsString());
        assertThat(m.find()).isTrue();
        long number = Long.parseLong(m.group(1));
        try {
            String version = DeployDriver.newVersion();
            var p = d.request("commons", version, "prod", REQUESTER, "");
            d.click(DeploySlackIds.DEPLOY_GO, p, RM1);
            d.awaitState(p.id(), DeployState.RUNNING);
            // The timeline hears of the transition just after it is stored: wait for it rather than race it.
            var incidents = d.context().getBean(dev.flightdeck.incident.IncidentService.class);
            long deadline = System.nanoTime() + DeployDriver.WAIT.toNanos();
            while (System.nanoTime() < deadline && incidents.timeline(number).stream()
                    .noneMatch(e -> e.kind() == dev.flightdeck.incident.TimelineEntry.Kind.DEPLOY)) {
                Thread.onSpinWait();
            }
            var timeline = incidents.timeline(number);
            assertThat(timeline).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(dev.flightdeck.incident.TimelineEntry.Kind.DEPLOY);
                assertThat(e.text()).isEqualTo("Deploy commons " + version + " to prod: started");
            });
        } finally {
            d.signed().viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, "INC-" + number, Map.of(
                    IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Search was slow.")), RM1).send(d.uri());
        }
    }

    private SignedRequest.Reply submitOverride(DeployDriver.Posted p, String reason, String user) {
        return d.signed().viewSubmission(DeploySlackIds.DEPLOY_OVERRIDE_MODAL, p.id() + ":" + p.channel(),
                Map.of(DeploySlackIds.DEPLOY_REASON, Map.of(DeploySlackIds.DEPLOY_REASON, reason)), user).send(d.uri());
    }
}
