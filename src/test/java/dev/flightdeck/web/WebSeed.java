package dev.flightdeck.web;

import dev.flightdeck.incident.Severity;
import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.IncidentRole;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.incident.TimelineEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Incidents and deploys written straight through the repositories (fast), as the Slack flows would leave them. */
final class WebSeed {

    private final IncidentRepository incidents;
    private final DeployRepository deploys;

    WebSeed(IncidentRepository incidents, DeployRepository deploys) {
        this.incidents = incidents;
        this.deploys = deploys;
    }

    /** A resolved incident with both roles, two updates and the four summary parts written. */
    Incident resolvedIncident(String title, Severity severity, Instant start) {
        Incident i = incidents.create(new IncidentRepository.NewIncident(title, severity, "U0COMMAND1", "C0INCIDENT",
                start, Optional.empty()));
        incidents.setRole(i.number(), IncidentRole.COMMUNICATOR, "U0COMMS001");
        incidents.addTimeline(i.number(), new TimelineEntry(start, "U0COMMAND1", TimelineEntry.Kind.DECLARED,
                "Declared " + severity.label() + ": " + title), Optional.empty());
        Instant update = start.plus(Duration.ofMinutes(9));
        incidents.recordUpdate(i.number(), IncidentStatus.IDENTIFIED, update, Optional.empty());
        incidents.addTimeline(i.number(), new TimelineEntry(update, "U0COMMS001", TimelineEntry.Kind.UPDATE,
                "Card payments fail for EU customers; rolling back billing 2.4.1"), Optional.empty());
        Instant end = start.plus(Duration.ofMinutes(47));
        incidents.addTimeline(i.number(), new TimelineEntry(end, "U0COMMAND1", TimelineEntry.Kind.RESOLVED,
                "Resolved: payments succeed again"), Optional.empty());
        incidents.resolve(i.number(), end, new Incident.SummaryText(
                "Card payments failed for 47 minutes after billing 2.4.1.",
                "EU customers paying by card (about 3% of checkouts).",
                "A config key was renamed in 2.4.1 without the matching SSM parameter.",
                "A config rule now requires the key in every environment before deploys."));
        return incidents.find(i.number()).orElseThrow();
    }

    Incident openIncident(String title, Severity severity, Instant start) {
        Incident i = incidents.create(new IncidentRepository.NewIncident(title, severity, "U0COMMAND2", "C0INCIDENT",
                start, Optional.empty()));
        incidents.addTimeline(i.number(), new TimelineEntry(start, "U0COMMAND2", TimelineEntry.Kind.DECLARED,
                "Declared " + severity.label() + ": " + title), Optional.empty());
        return i;
    }

    /** A finished deploy with one approval, the window check overridden, and its build link. */
    DeployRequest deploy(String service, String env, String version, DeployState outcome, Instant requested) {
        Instant started = requested.plus(Duration.ofMinutes(20));
        Instant finished = started.plus(Duration.ofMinutes(6));
        DeployRequest r = deploys.insert(DeployRequests.aRequest().of(service).to(env).version(version)
                .by("U0ALICE001").note("Fixes the EU card bug").in(outcome).requestedAt(requested)
                .movedBy("U0ALICE001", null).changedAt(finished).startedAt(started).finishedAt(finished).build(), List.of(
                CheckResult.passed("config", "All configuration rules pass"),
                CheckResult.blocked("window", "Outside the deploy window Mon-Thu 09:00-16:00")));
        deploys.addApproval(new Approval(r.id(), "U0LEAD0001", requested.plus(Duration.ofMinutes(5))));
        deploys.overrideCheck(r.id(), "window", "U0LEAD0001", "Hotfix for INC-1");
        deploys.saveBuild(r.id(), "Jenkins #" + (100 + r.id()), "https://jenkins.example.test/job/" + service + "/" + (100 + r.id()));
        return deploys.find(r.id()).orElseThrow();
    }
}
