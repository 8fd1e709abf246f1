package dev.flightdeck.incident.followup;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * DMs owners on the day a follow-up is due (09:00 UTC) and every week after while it stays open. Each DM is claimed
 * by a compare-and-set that moves the follow-up's next reminder on a week before the DM is queued, so of two
 * replicas, or a run after a restart, one sends it. Wakes for the earliest reminder; tests turn the waker off
 * ({@code flightdeck.follow-ups.wake: false}), move the clock and call {@link #runDue()}.
 */
@Singleton
public class FollowUpReminders implements BackgroundJob {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpReminders.class);
    private static final int BATCH = 100;

    private final FollowUpStore store;
    private final IncidentRepository incidents;
    private final FollowUpNews news;
    private final Auditor auditor;
    private final Clock clock;

    public FollowUpReminders(FollowUpStore store, IncidentRepository incidents, FollowUpNews news, Auditor auditor,
                             Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.news = news;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.follow-ups.scheduler-interval:5m}") Duration cap,
                  @Value("${flightdeck.follow-ups.wake:true}") boolean wake) {
        if (!wake) {
            return;
        }
        wakeups.start(FollowUps.REMIND_TOPIC, Waker.Job.of(store::nextReminder, this::runDue), cap);
    }

    /** Sends the reminders due now; returns how many this replica sent. */
    public int runDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int sent = 0;
        for (FollowUp due : store.dueReminders(now, BATCH)) {
            try {
                Optional<FollowUp> claimed = store.update(FollowUpTransitions.reminded(due, now));
                if (claimed.isEmpty()) {
                    // Another change (an export, a snooze) or another replica moved the row: look again, once.
                    Optional<FollowUp> fresh = store.find(due.id()).filter(FollowUp::isOpen)
                            .filter(f -> f.nextRemindAt().map(at -> !at.isAfter(now)).orElse(false));
                    claimed = fresh.flatMap(f -> store.update(FollowUpTransitions.reminded(f, now)));
                    if (claimed.isEmpty()) {
                        continue;
                    }
                }
                FollowUp reminded = claimed.get();
                boolean overdue = reminded.overdueOn(today);
                incidents.find(due.incidentNumber()).ifPresent(i -> news.remind(reminded, i, overdue));
                auditor.record(FollowUpEvents.REMINDED, "flightdeck", Map.of("incident", due.incidentId(),
                        "followUp", due.id(), "owner", due.owner(), "overdue", overdue));
                sent++;
            } catch (RuntimeException e) {
                LOG.warn("follow-up #{}: reminder failed ({}); the next run tries again", due.id(), e.toString());
            }
        }
        return sent;
    }
}
