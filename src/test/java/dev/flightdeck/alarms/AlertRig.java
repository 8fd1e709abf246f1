package dev.flightdeck.alarms;

import dev.flightdeck.config.ParseResult;
import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.IncidentTimeline;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.persistence.H2Databases;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.testing.MutableClock;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The alarm episodes' domain on a real store (H2) and the real incident timeline, with a recording AlertNews and a
 * clock of its own: AlertEpisodes and AlertNudges are built here, not taken from a running app.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlertRig implements TestPropertyProvider {

    static final String TEAM = """
            flightdeck:
              environments:
                staging:
                  channel: "#deploys"
                  approvals: 0
                  alarm-flap-window: 5m
                prod:
                  channel: "#deploys"
                  approvals: 1
                  approvers: ["@release-managers", U0LEAD]
                  alerts-channel: "#alerts"
                  alert-severity: sev1
                  alert-nudge-after: 15m
                  alarm-flap-window: 10m
            """;

    @Inject
    AlertEpisodeStore store;
    @Inject
    IncidentRepository incidentRepository;
    @Inject
    IncidentTimeline timeline;

    final MutableClock clock = MutableClock.at("2026-12-07T10:00:00Z");
    final TeamConfig team = team();
    RecordingNews news;
    AlertEpisodes episodes;
    AlertNudges nudges;
    /** A service of this test's own, so incidents naming another test's service do not meet it. */
    String service;

    /** The context's own nudger (on the real clock) would race the one built here: its waker stays off. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(H2Databases.micronautProperties(
                H2Databases.inMemoryUrl("alerts_" + UUID.randomUUID().toString().replace("-", ""))));
        properties.put("flightdeck.alerts.wake", "false");
        return properties;
    }

    static TeamConfig team() {
        ParseResult result = TeamConfigParser.parseText("flightdeck.yml", TEAM);
        return ((ParseResult.Valid) result).config();
    }

    @BeforeEach
    void wire() {
        news = new RecordingNews();
        AlertIncidents incidents = new AlertIncidents(incidentRepository, timeline, store);
        episodes = new AlertEpisodes(store, news, incidents, team, clock);
        nudges = new AlertNudges(store, news, team, clock);
        service = "svc" + UUID.randomUUID().toString().substring(0, 6);
    }

    AlertData alarm(String name) {
        return AlertData.alarm(name + "-" + service).in(service, "prod").at(clock.instant());
    }

    AlertEpisode episode(long id) {
        return store.find(id).orElseThrow().episode();
    }

    long openIncident(String title) {
        return incidentRepository.create(new IncidentRepository.NewIncident(title, Severity.SEV2, "U1", "C1",
                clock.instant().minusSeconds(60), Optional.empty())).number();
    }

    Instant now() {
        return clock.instant();
    }
}
