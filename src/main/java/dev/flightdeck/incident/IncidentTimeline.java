package dev.flightdeck.incident;

import dev.flightdeck.audit.Auditor;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Timeline entries that come from outside a command: messages pinned with the timeline reaction, and deploys.
 * Both may be reported more than once (Slack redelivers events; the deploy flow may retry), so each carries a
 * dedup key and lands once.
 */
@Singleton
public class IncidentTimeline {

    private final IncidentRepository repository;
    private final Auditor auditor;

    public IncidentTimeline(IncidentRepository repository, Auditor auditor) {
        this.repository = repository;
        this.auditor = auditor;
    }

    /**
     * A message in an incident channel got the timeline reaction. At most one entry per message, however often
     * Slack delivers the event; the entry keeps the message's own time and author.
     *
     * @return true when a new entry was added
     */
    public boolean addPinnedMessage(String channelId, String ts, Instant writtenAt, String author, String text,
                                    String reactor) {
        Optional<Incident> incident = repository.findByChannel(channelId);
        if (incident.isEmpty()) {
            return false;
        }
        long n = incident.get().number();
        boolean added = repository.addTimeline(n, new TimelineEntry(writtenAt, author, TimelineEntry.Kind.PINNED, text),
                Optional.of("message:" + ts));
        if (added) {
            auditor.recordOnce(IncidentEvents.MESSAGE_PINNED, reactor, incident.get().id() + ":" + ts,
                    Map.of("incident", incident.get().id(), "channel", channelId, "ts", ts, "author", author));
        }
        return added;
    }

    /**
     * Hook for the deploy flow: a deploy of any service started or finished. Adds a timeline entry to every
     * incident open at that moment; a repeat of the same event adds nothing.
     *
     * @param phase what happened, e.g. "started", "succeeded", "failed"
     */
    public void recordDeployEvent(String service, String environment, String version, String phase, String actor,
                                  Instant at) {
        String text = "Deploy " + service + " " + version + " to " + environment + ": " + phase;
        for (Incident incident : repository.open()) {
            if (incident.startedAt().isAfter(at)) {
                continue;
            }
            String key = "deploy:" + service + ":" + environment + ":" + version + ":" + phase + ":" + at.toEpochMilli();
            if (repository.addTimeline(incident.number(), new TimelineEntry(at, actor, TimelineEntry.Kind.DEPLOY, text),
                    Optional.of(key))) {
                auditor.recordOnce(IncidentEvents.DEPLOY_RECORDED, actor, incident.id() + ":" + key,
                        Map.of("incident", incident.id(), "service", service, "environment", environment,
                                "version", version, "phase", phase));
            }
        }
    }

    /**
     * Hook for the config watch (and the change flow): a changeable value of a service changed. Adds a timeline entry
     * to every incident open at that moment, like a deploy (a hand-set value is as likely a cause); the same change
     * reported again adds nothing. An outside change has no Slack author: the entry is Flightdeck's, naming who AWS
     * says did it ({@code actor}, "" when it did not say).
     */
    public void recordConfigChange(String service, String environment, String key, String oldVersion,
                                   String newVersion, String actor, boolean outside, Instant at) {
        String who = actor.isBlank() ? "someone AWS did not name" : actor;
        String text = "Config " + key + " of " + service + " in " + environment + " changed "
                + (outside ? "outside Flightdeck by " + who : "through Flightdeck")
                + " (version " + (oldVersion.isEmpty() ? "none" : oldVersion) + " → " + newVersion + ")";
        String author = outside || actor.isBlank() ? "flightdeck" : actor;
        for (Incident incident : repository.open()) {
            if (incident.startedAt().isAfter(at)) {
                continue;
            }
            String dedup = "config:" + service + ":" + environment + ":" + key + ":" + newVersion;
            if (dedup.length() > 200) { // the column's width; a long key keeps its own name-based id
                dedup = "config:" + java.util.UUID.nameUUIDFromBytes(dedup.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (repository.addTimeline(incident.number(), new TimelineEntry(at, author, TimelineEntry.Kind.CONFIG, text),
                    Optional.of(dedup))) {
                auditor.recordOnce(IncidentEvents.CONFIG_CHANGE_RECORDED, author, incident.id() + ":" + dedup,
                        Map.of("incident", incident.id(), "service", service, "environment", environment, "key", key,
                                "version", newVersion));
            }
        }
    }

    /**
     * Hook for alarm episodes: an alert of a service went on the timeline of an open incident (instead of a message of
     * its own), or the incident was declared from it. Once per {@code dedupKey}; the entry is Flightdeck's unless a
     * person linked it ({@code author}). The text is the monitor's as reported: renderers escape it.
     *
     * @return false when the incident is not open (any more) or the entry was there already
     */
    public boolean recordAlert(long number, Instant at, String author, String text, String dedupKey) {
        Optional<Incident> incident = repository.find(number).filter(Incident::isOpen);
        if (incident.isEmpty()) {
            return false;
        }
        String key = dedupKey.length() <= 200 ? dedupKey
                : "alert:" + java.util.UUID.nameUUIDFromBytes(dedupKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean added = repository.addTimeline(number, new TimelineEntry(at, author, TimelineEntry.Kind.ALERT, text),
                Optional.of(key));
        if (added) {
            auditor.recordOnce(IncidentEvents.ALERT_RECORDED, author, incident.get().id() + ":" + key,
                    Map.of("incident", incident.get().id(), "key", key));
        }
        return added;
    }

    /**
     * Hook for feature flags: a flag was turned on or off through Flightdeck. Adds a timeline entry to every incident
     * open at that moment, once per request; a kill switch flipped by an incident's commander says so, loudly.
     *
     * @param killSwitchIncident the incident whose commander flipped it without approval
     */
    public void recordFlagChange(String flagKey, String environment, boolean on, String actor, Instant at,
                                 String requestNumber, Optional<Long> killSwitchIncident) {
        String text = (killSwitchIncident.isPresent() ? "KILL SWITCH: flag " : "Flag ") + flagKey + " turned "
                + (on ? "on" : "off") + " in " + environment + " (" + requestNumber
                + (killSwitchIncident.isPresent() ? ", by the commander of " + Incident.idOf(killSwitchIncident.get())
                + " without approval)" : ")");
        for (Incident incident : repository.open()) {
            if (incident.startedAt().isAfter(at)) {
                continue;
            }
            String key = "flag:" + requestNumber;
            if (repository.addTimeline(incident.number(), new TimelineEntry(at, actor, TimelineEntry.Kind.FLAG, text),
                    Optional.of(key))) {
                auditor.recordOnce(IncidentEvents.FLAG_RECORDED, actor, incident.id() + ":" + key,
                        Map.of("incident", incident.id(), "flag", flagKey, "environment", environment,
                                "turn", on ? "on" : "off", "request", requestNumber));
            }
        }
    }
}
