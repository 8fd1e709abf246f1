package dev.flightdeck.incident;

import dev.flightdeck.audit.Auditor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The Slack side of a declaration, as the steps of {@link SetupTable} recorded in the database: channel, invites,
 * card (which asks for a communicator while nobody holds the role), pin, topic, announcement. Each step is recorded
 * done right after Slack confirmed it, and a run first takes a lease, so a retry, a restart or a second replica
 * continues where the last run stopped instead of repeating a step. A run stopped by a Slack failure is resumed by {@link IncidentReminders}'s job
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
            repository.find(number).ifPresent(i -> channels.setupStopped(i, String.valueOf(e.getMessage()), LEASE));
        } catch (RuntimeException again) {
            LOG.warn("Could not tell the declarer of INC-{} either: {}", number, again.toString());
        }
    }

    /** Runs the steps of {@link SetupTable} not done yet, in its order, then completes the set-up. */
    private void steps(long number) {
        Incident incident = load(number);
        if (incident.setupComplete()) {
            return;
        }
        for (SetupTable.Step step : SetupTable.STEPS) {
            if (step.doneWhen().in(incident)) {
                continue;
            }
            step.action().run(this, incident);
            if (step.doneWhen() instanceof SetupTable.Marked marked) {
                repository.markStep(number, marked.step(), clock.instant());
            } else {
                incident = load(number); // the step stored what later steps need (the channel, the card's ts)
            }
        }
        complete(incident);
    }

    /**
     * Once every step is done: changes made while the channel was being set up (a role, an update, a severity) show
     * on the card (a change made once the card's ts was stored updated it itself), the set-up is recorded complete,
     * and the changes show in the topic when it shows them. Recorded complete after the card, so that a run stopped
     * before it is resumed, and "complete" means the card is up to date.
     */
    void complete(Incident asSetUp) {
        Incident latest = load(asSetUp.number());
        channels.refreshCard(latest);
        repository.markSetupComplete(asSetUp.number());
        if (!latest.commanderId().equals(asSetUp.commanderId())
                || !latest.communicatorId().equals(asSetUp.communicatorId())
                || latest.severity() != asSetUp.severity()) {
            channels.setTopic(latest);
        }
    }

    IncidentChannels channels() {
        return channels;
    }

    void postCard(Incident incident) {
        repository.setCard(incident.number(), channels.postCard(incident));
    }

    void createChannel(Incident incident) {
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
