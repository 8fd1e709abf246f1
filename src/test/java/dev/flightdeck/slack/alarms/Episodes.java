package dev.flightdeck.slack.alarms;

import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertState;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Test data: alarm episodes as the domain hands them to the Slack adapter ({@code Episodes.firing().acked("U1")}). */
record Episodes(long id, String name, AlertState state, String reason, Instant firedAt, Instant at,
                Optional<Instant> okSince, Optional<String> ackedBy, int flaps, Optional<URI> runbook,
                Optional<String> incident, Optional<AlertEpisode.Message> message, int nudges) {

    static final Instant FIRED = Instant.parse("2026-12-07T10:15:00Z");
    static final String REASON = "Threshold Crossed: 1 datapoint [12.0 (07/12/26 10:14:00)] was greater than the threshold (5.0).";

    static Episodes firing() {
        return new Episodes(42, "shop-prod-5xx", AlertState.ALARM, REASON, FIRED, FIRED, Optional.empty(),
                Optional.empty(), 0, Optional.of(URI.create("https://wiki.example.com/runbooks/shop")),
                Optional.empty(), Optional.empty(), 0);
    }

    Episodes okAt(Instant when, String why) {
        return new Episodes(id, name, AlertState.OK, why, firedAt, when, Optional.of(when), ackedBy, flaps, runbook,
                incident, message, nudges);
    }

    Episodes noDataAt(Instant when, String why) {
        return new Episodes(id, name, AlertState.INSUFFICIENT_DATA, why, firedAt, when, okSince, ackedBy, flaps,
                runbook, incident, message, nudges);
    }

    Episodes acked(String user) {
        return new Episodes(id, name, state, reason, firedAt, at, okSince, Optional.of(user), flaps, runbook, incident,
                message, nudges);
    }

    Episodes flapped(int times) {
        return new Episodes(id, name, state, reason, firedAt, at, okSince, ackedBy, times, runbook, incident, message,
                nudges);
    }

    Episodes noRunbook() {
        return new Episodes(id, name, state, reason, firedAt, at, okSince, ackedBy, flaps, Optional.empty(), incident,
                message, nudges);
    }

    Episodes onIncident(String id) {
        return new Episodes(this.id, name, state, reason, firedAt, at, okSince, ackedBy, flaps, runbook,
                Optional.of(id), message, nudges);
    }

    Episodes named(String alarm, String why) {
        return new Episodes(id, alarm, state, why, firedAt, at, okSince, ackedBy, flaps, runbook, incident, message,
                nudges);
    }

    AlertEpisode build() {
        Alert alert = new Alert("cloudwatch", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:" + name, name, "shop",
                "prod", state, reason, Optional.of("AWS/ApplicationELB HTTPCode_Target_5XX_Count (Sum, 60s)"),
                Optional.of("> 5.0"), at, runbook,
                Optional.of(URI.create("https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/"
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))),
                Optional.empty(), "evt-1");
        return new AlertEpisode(id, alert, firedAt, okSince, ackedBy,
                ackedBy.map(u -> firedAt.plusSeconds(120)), flaps, message, Optional.empty(), nudges, incident);
    }
}
