package dev.flightdeck.slack.deploy;

import com.google.gson.JsonObject;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /deploy stats} through the signed HTTP edge, on data stored in the app's own database. */
class DeployStatsTest {

    static final String ALICE = "U0ALICE001";
    static final TestApp app = TestApp.shared("metrics");
    static String channel;

    @BeforeAll
    static void storeAWeek() {
        app.clock.set(Instant.parse("2026-03-08T18:00:00Z"));
        channel = app.slack.addChannel("deploys-stats", ALICE);
        DeployRepository deploys = app.bean(DeployRepository.class);
        // commons prod: leads 1h, 3h, 2h; #3 FAILED; billing prod: one success, lead 30m; commons staging: not counted
        long first = deploy(deploys, "commons", "prod", DeployState.SUCCEEDED, "2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z", null);
        deploy(deploys, "commons", "prod", DeployState.SUCCEEDED, "2026-03-04T09:00:00Z", "2026-03-04T12:00:00Z", null);
        deploy(deploys, "commons", "prod", DeployState.FAILED, "2026-03-05T09:00:00Z", "2026-03-05T09:20:00Z", null);
        deploy(deploys, "commons", "prod", DeployState.SUCCEEDED, "2026-03-03T13:00:00Z", "2026-03-03T15:00:00Z", first);
        deploy(deploys, "billing", "prod", DeployState.SUCCEEDED, "2026-03-06T10:00:00Z", "2026-03-06T10:30:00Z", null);
        deploy(deploys, "commons", "staging", DeployState.SUCCEEDED, "2026-03-06T10:00:00Z", "2026-03-06T10:05:00Z", null);
        IncidentRepository incidents = app.bean(IncidentRepository.class);
        Incident i = incidents.create(new IncidentRepository.NewIncident("Commons emails delayed", Severity.SEV2, ALICE,
                channel, Instant.parse("2026-03-07T08:00:00Z"), Optional.empty()));
        incidents.resolve(i.number(), Instant.parse("2026-03-07T09:30:00Z"), new Incident.SummaryText("s", "a", "w", "p"));
    }

    @Test
    void aServicesFourFiguresPeriodEnvironmentAndPageLink() {
        JsonObject json = stats("stats commons 7");
        assertThat(json.get("response_type").getAsString()).isEqualTo("ephemeral");
        String blocks = json.get("blocks").toString();
        // 7 days = Mar 2..Mar 8. commons prod changes: 3 successes + 1 failure = 4.
        // The first success (Mar 3 11:00) is rolled back at 13:00 (within 24h) -> failed changes 1 + 1 = 2 of 4 = 50%.
        // Leads 1h, 2h, 3h -> median 2h, p90 3h. 3 deploys / 7 days = 0.43 a day, 3.0 a week. Restore 1h 30m.
        assertThat(blocks).contains("Delivery of commons, last 7 days")
                .contains("3 deploys (3.0 a week, 0.43 a day)")
                .contains("median 2h, 90% within 3h")
                .contains("50% (2 of 4 changes: 1 failed, 1 followed by a rollback or incident)")
                .contains("median 1h 30m over 1 resolved incident")
                .contains("Counts PROD").contains("Mar 2 – Mar 8 (UTC)")
                .contains("http://localhost:8080/delivery?service=commons&days=7");
        assertThat(json.get("text").getAsString()).contains("commons").contains("PROD").contains("3 deploys");
    }

    @Test
    void allServicesListEveryConfiguredServiceIncludingThoseWithoutDeploys() {
        String blocks = stats("stats 7").get("blocks").toString();
        // overall prod successes: 3 commons + 1 billing = 4 of 5 changes
        assertThat(blocks).contains("Delivery of all services, last 7 days").contains("4 deploys (4.0 a week")
                .contains("*commons*: 3 deploys, 50% failed").contains("*billing*: 1 deploy, 0% failed, lead time 30m")
                .contains("*web*: no deploys").contains("*reports*: no deploys")
                .contains("http://localhost:8080/delivery?service=&days=7");
    }

    @Test
    void aServiceWithNoDeploysSaysSo() {
        JsonObject json = stats("stats reports 7");
        assertThat(json.get("blocks").toString()).contains("No deploys in this period.")
                .contains("no incidents resolved naming reports in this period").doesNotContain("Change failure rate");
        assertThat(json.get("text").getAsString()).contains("no deploys in this period");
    }

    @Test
    void anEmptyPeriodSaysNoDeploys() {
        // 1 day = today (Mar 8), when nothing happened
        assertThat(stats("stats 1").get("text").getAsString()).contains("no deploys in this period");
    }

    @Test
    void anUnknownServiceIsRefusedListingTheKnownOnes() {
        JsonObject json = stats("stats comons 7");
        assertThat(json.get("text").getAsString()).contains("Unknown service `comons`")
                .contains("billing, commons, reports, web").contains("/deploy stats commons");
    }

    private static JsonObject stats(String text) {
        var reply = app.signed().slashCommand("/deploy", text, ALICE, channel, app.slack.responseUrl()).send(app.uri());
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().getAsJsonObject();
    }

    private static long deploy(DeployRepository repo, String service, String env, DeployState state, String requested,
                               String finished, Long rollbackOf) {
        Instant req = Instant.parse(requested);
        Instant fin = Instant.parse(finished);
        return repo.insert(DeployRequests.aRequest().of(service).to(env).version("1.0." + req.getEpochSecond()).by(ALICE)
                .rollbackOf(rollbackOf).in(state).requestedAt(req).movedBy("U0LEAD", null).changedAt(fin)
                .startedAt(req.plusSeconds(60)).finishedAt(fin).build(), List.of()).id();
    }
}
