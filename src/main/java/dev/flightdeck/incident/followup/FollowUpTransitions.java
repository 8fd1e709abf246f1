package dev.flightdeck.incident.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one transition table of follow-ups and the follow-up each move leaves: open → done, open → won't do; done and
 * won't do are final. Reminders, snoozes and exports change an open follow-up without moving its state. The store
 * writes each result with a compare-and-set on the version the move was computed from.
 */
public final class FollowUpTransitions {

    /** Owners are reminded at this time (UTC) on the due day, then every {@link #REMIND_EVERY_DAYS} days. */
    public static final LocalTime REMIND_AT = LocalTime.of(9, 0);
    public static final int REMIND_EVERY_DAYS = 7;

    private static final Map<FollowUpState, Set<FollowUpState>> MOVES = new EnumMap<>(Map.of(
            FollowUpState.OPEN, Set.of(FollowUpState.DONE, FollowUpState.WONT_DO),
            FollowUpState.DONE, Set.of(),
            FollowUpState.WONT_DO, Set.of()));

    private FollowUpTransitions() {
    }

    public static boolean canMove(FollowUpState from, FollowUpState to) {
        return MOVES.get(from).contains(to);
    }

    /** The first reminder of a follow-up due on {@code due}: that day at {@link #REMIND_AT} UTC. */
    public static Instant firstReminder(LocalDate due) {
        return due.atTime(REMIND_AT).toInstant(ZoneOffset.UTC);
    }

    /** Closed as {@code to}; empty when the table forbids it (already closed). */
    public static Optional<FollowUp> closed(FollowUp f, FollowUpState to, String by, String why, Instant at) {
        if (!canMove(f.state(), to)) {
            return Optional.empty();
        }
        return Optional.of(new FollowUp(f.id(), f.version(), f.incidentNumber(), f.text(), f.link(), f.owner(),
                f.createdBy(), f.createdAt(), f.due(), to, Optional.of(by), Optional.ofNullable(why), Optional.of(at),
                Optional.empty(), f.reminders(), f.export()));
    }

    /** Reminded at {@code now}: the next reminder a week after the one due, past {@code now}. */
    public static FollowUp reminded(FollowUp f, Instant now) {
        Instant next = f.nextRemindAt().orElse(now);
        while (!next.isAfter(now)) {
            next = next.plus(java.time.Duration.ofDays(REMIND_EVERY_DAYS));
        }
        return withReminder(f, f.due(), Optional.of(next), f.reminders() + 1);
    }

    /** Snoozed a week: due {@link #REMIND_EVERY_DAYS} days after {@code today}, reminded that day. */
    public static FollowUp snoozed(FollowUp f, LocalDate today) {
        LocalDate due = today.plusDays(REMIND_EVERY_DAYS);
        return withReminder(f, due, Optional.of(firstReminder(due)), f.reminders());
    }

    public static FollowUp exported(FollowUp f, FollowUp.Export export) {
        return new FollowUp(f.id(), f.version(), f.incidentNumber(), f.text(), f.link(), f.owner(), f.createdBy(),
                f.createdAt(), f.due(), f.state(), f.closedBy(), f.closedWhy(), f.closedAt(), f.nextRemindAt(),
                f.reminders(), export);
    }

    private static FollowUp withReminder(FollowUp f, LocalDate due, Optional<Instant> next, int reminders) {
        return new FollowUp(f.id(), f.version(), f.incidentNumber(), f.text(), f.link(), f.owner(), f.createdBy(),
                f.createdAt(), due, f.state(), f.closedBy(), f.closedWhy(), f.closedAt(), next, reminders, f.export());
    }
}
