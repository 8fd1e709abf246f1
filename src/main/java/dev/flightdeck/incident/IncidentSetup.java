package dev.flightdeck.incident;

import dev.flightdeck.audit.Auditor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Slack side of a declaration, as steps recorded in the database: channel, invites, card, pin, topic,
 * announcement, the call for a communicator. Each step is marked done right after Slack confirmed it, and a
 * run first takes a lease, so a retry, a restart or a second replica continues where the last run stopped
 * instead of repeating a step. A run stopped by a Slack failure is resumed by {@link IncidentReminders}'s job
 * once its lease runs out.
 */
@Singleton
public class IncidentSetup {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentSetup.class);
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_NAME_ATTEMPTS = 50;

    private final IncidentRepository repository;
    private final IncidentChannels channels;
    private final Auditor auditor;
    private final Clock clock;

    public IncidentSetup(IncidentRepository repository, IncidentChannels channels, Auditor auditor, Clock clock) {
        this.repository = repository;
        this.channels = channels;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** The run right after the declaration; tells the declarer when Slack stops it. */
    public boolean runFirst(long number) {
        return run(number, true);
    }

    /** A resumed run (by the job): quiet, the declarer was told the first time. */
    public boolean run(long number) {
        return run(number, false);
    }

    /** @return true when the declaration is complete in Slack after this run */
    private boolean run(long number, boolean first) {
        Instant now = clock.instant();
        if (!repository.claimSetup(number, now, now.plus(LEASE))) {
            return false;
        }
        try {
            steps(number);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Declaring INC-{} in Slack stopped: {}; it resumes within {}", number, e.toString(), LEASE);
            if (first) {
                tellDeclarer(number, e);
            }
            return false;
        }
    }

    private void tellDeclarer(long number, RuntimeException e) {
        try {
            repository.find(number).ifPresent(i -> channels.tellDeclarer(i, i.id() + " is recorded, but Slack stopped "
                    + "setting it up (" + e.getMessage() + "). Flightdeck keeps trying every " + LEASE.toMinutes()
                    + " minutes; meanwhile `/incident update " + i.id() + " …` and the other commands work."));
        } catch (RuntimeException again) {
            LOG.warn("Could not tell the declarer of INC-{} either: {}", number, again.toString());
        }
    }

    private void steps(long number) {
        Incident incident = load(number);
        if (incident.setupComplete()) {
            return;
        }
        if (incident.channelId().isEmpty()) {
            createChannel(incident);
            incident = load(number);
        }
        String channel = incident.channelId().orElseThrow();
        if (!incident.stepsDone().contains(SetupStep.INVITE)) {
            Set<String> people = new LinkedHashSet<>();
            people.add(incident.declaredBy());
            people.add(incident.commanderId());
            incident.communicatorId().ifPresent(people::add);
            channels.invite(channel, people);
            repository.markStep(number, SetupStep.INVITE, clock.instant());
        }
        if (incident.cardTs().isEmpty()) {
            repository.setCard(number, channels.postCard(incident));
            incident = load(number);
        }
        if (!incident.stepsDone().contains(SetupStep.PIN)) {
            channels.pin(channel, incident.cardTs().orElseThrow());
            repository.markStep(number, SetupStep.PIN, clock.instant());
        }
        if (!incident.stepsDone().contains(SetupStep.TOPIC)) {
            channels.setTopic(incident);
            repository.markStep(number, SetupStep.TOPIC, clock.instant());
        }
        if (!incident.stepsDone().contains(SetupStep.ANNOUNCE)) {
            channels.announce(incident, "declared");
            repository.markStep(number, SetupStep.ANNOUNCE, clock.instant());
        }
        if (!incident.stepsDone().contains(SetupStep.ASK_COMMUNICATOR)) {
            if (incident.communicatorId().isEmpty()) {
                channels.askForCommunicator(incident);
            }
            repository.markStep(number, SetupStep.ASK_COMMUNICATOR, clock.instant());
        }
        repository.markSetupComplete(number);
        // Changes made while the channel was being set up (a role, an update) show on the card now.
        Incident latest = load(number);
        channels.updateCard(latest);
        if (!latest.commanderId().equals(incident.commanderId())
                || !latest.communicatorId().equals(incident.communicatorId())
                || latest.severity() != incident.severity()) {
            channels.setTopic(latest);
        }
    }

    private void createChannel(Incident incident) {
        for (int attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
            String name = ChannelNames.forIncident(incident.number(), incident.title(), attempt);
            IncidentChannels.Created created = channels.createChannel(name);
            if (created instanceof IncidentChannels.Created.Ok ok) {
                repository.setChannel(incident.number(), ok.channelId(), name);
                auditor.record(IncidentEvents.CHANNEL_CREATED, "flightdeck", Map.of("incident", incident.id(),
                        "channel", ok.channelId(), "name", name));
                return;
            }
        }
        throw new IllegalStateException("no free channel name for " + incident.id() + " after "
                + MAX_NAME_ATTEMPTS + " attempts");
    }

    private Incident load(long number) {
        return repository.find(number).orElseThrow(() -> new IllegalStateException("INC-" + number + " is gone"));
    }
}
