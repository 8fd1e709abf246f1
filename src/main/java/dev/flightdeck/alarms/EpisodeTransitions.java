package dev.flightdeck.alarms;

import dev.flightdeck.deploy.AlertSettings;

import java.time.Instant;
import java.util.Optional;

/**
 * The one transition table of an alarm episode, and what entering each state does to it:
 * <pre>
 * (no open episode) ──ALARM──▶ FIRING (a new episode: one message)
 *        └──OK, INSUFFICIENT_DATA──▶ nothing (no episode to show it in)
 * ALARM ──OK──▶ OK (okSince; ends once it stayed OK a whole flap window)
 *   │   └─INSUFFICIENT_DATA─▶ INSUFFICIENT_DATA (shown, not as an alarm)
 * OK ──ALARM (within the flap window)──▶ ALARM, flaps + 1, the same message
 *   └─INSUFFICIENT_DATA─▶ INSUFFICIENT_DATA (still ending when the window is over)
 * INSUFFICIENT_DATA ──ALARM──▶ ALARM (a flap when it had been OK) ; ──OK──▶ OK
 * the same state again ──▶ a repeat, nothing changes
 * </pre>
 * An episode whose flap window ran out is over: the next ALARM opens a new one. Nudges (production, unacknowledged,
 * firing) are armed on entering ALARM and disarmed on leaving it; acknowledging disarms them for good.
 */
public final class EpisodeTransitions {

    /** What a report does to the alarm's open episode (or to none). */
    public enum Move {
        OPEN, REPEAT, NO_EPISODE, FIRE_AGAIN, RECOVER, NO_DATA
    }

    private EpisodeTransitions() {
    }

    /** The table: the open episode's state (empty: none, or ended) and the report's state. */
    public static Move next(Optional<AlertState> open, AlertState report) {
        if (open.isEmpty()) {
            return report == AlertState.ALARM ? Move.OPEN : Move.NO_EPISODE;
        }
        if (open.get() == report) {
            return Move.REPEAT;
        }
        return switch (report) {
            case ALARM -> Move.FIRE_AGAIN;
            case OK -> Move.RECOVER;
            case INSUFFICIENT_DATA -> Move.NO_DATA;
        };
    }

    /** An episode and when it ends (present once it went OK: the end of its flap window). */
    public record Entered(AlertEpisode episode, Optional<Instant> endsAt) {
    }

    /** A new episode for a first ALARM; nudged after {@code nudgeAfter} when {@code nudged}. */
    public static AlertEpisode opened(Alert alert, AlertSettings settings, boolean nudged, Instant now) {
        return new AlertEpisode(0, alert, alert.at(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Optional.empty(), nudged ? Optional.of(now.plus(settings.nudgeAfter())) : Optional.empty(), 0,
                Optional.empty());
    }

    /**
     * What entering the state of {@code alert} does to {@code e} ({@code move} is FIRE_AGAIN, RECOVER or NO_DATA).
     * The flap window and nudges count on Flightdeck's clock ({@code now}), not the report's own time: a delivery
     * retried for hours must not end an episode before it is shown.
     */
    public static Entered enter(Move move, AlertEpisode e, Optional<Instant> endsAt, Alert alert,
                                AlertSettings settings, boolean nudged, Instant now) {
        return switch (move) {
            case FIRE_AGAIN -> {
                int flaps = e.okSince().isPresent() ? e.flaps() + 1 : e.flaps();
                Optional<Instant> nudge = nudged && e.acknowledgedBy().isEmpty()
                        ? Optional.of(now.plus(settings.nudgeAfter())) : Optional.empty();
                yield new Entered(with(e, alert, Optional.empty(), flaps, nudge), Optional.empty());
            }
            case RECOVER -> new Entered(with(e, alert, Optional.of(alert.at()), e.flaps(), Optional.empty()),
                    Optional.of(now.plus(settings.flapWindow())));
            case NO_DATA -> new Entered(with(e, alert, e.okSince(), e.flaps(), Optional.empty()), endsAt);
            default -> throw new IllegalArgumentException(move + " is not entered on an open episode");
        };
    }

    private static AlertEpisode with(AlertEpisode e, Alert latest, Optional<Instant> okSince, int flaps,
                                     Optional<Instant> nextNudgeAt) {
        return new AlertEpisode(e.id(), latest, e.firedAt(), okSince, e.acknowledgedBy(), e.acknowledgedAt(), flaps,
                e.message(), nextNudgeAt, e.nudges(), e.incident());
    }

    /** Acknowledged by {@code userId}: shown in the message, and never nudged again. */
    public static AlertEpisode acknowledged(AlertEpisode e, String userId, Instant now) {
        return new AlertEpisode(e.id(), e.latest(), e.firedAt(), e.okSince(), Optional.of(userId), Optional.of(now),
                e.flaps(), e.message(), Optional.empty(), e.nudges(), e.incident());
    }

    /** Linked to the incident declared from it (or the open incident it went on the timeline of). */
    public static AlertEpisode linked(AlertEpisode e, String incidentId) {
        return new AlertEpisode(e.id(), e.latest(), e.firedAt(), e.okSince(), e.acknowledgedBy(), e.acknowledgedAt(),
                e.flaps(), e.message(), e.nextNudgeAt(), e.nudges(), Optional.of(incidentId));
    }

    /** One more nudge sent; the next one {@code next} (empty: none). */
    public static AlertEpisode nudged(AlertEpisode e, Optional<Instant> next) {
        return new AlertEpisode(e.id(), e.latest(), e.firedAt(), e.okSince(), e.acknowledgedBy(), e.acknowledgedAt(),
                e.flaps(), e.message(), next, e.nudges() + 1, e.incident());
    }

    /** No more nudges (it stopped firing, or was acknowledged, before the nudge was due). */
    public static AlertEpisode unarmed(AlertEpisode e) {
        return new AlertEpisode(e.id(), e.latest(), e.firedAt(), e.okSince(), e.acknowledgedBy(), e.acknowledgedAt(),
                e.flaps(), e.message(), Optional.empty(), e.nudges(), e.incident());
    }
}
