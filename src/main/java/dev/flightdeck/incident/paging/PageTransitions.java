package dev.flightdeck.incident.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one transition table of a page, and what entering each state sets:
 * <pre>
 * TRIGGER_PENDING ──ACCEPTED──▶ TRIGGERED
 *       │ ──TRY_AGAIN (5xx, 429, no answer)──▶ TRIGGER_PENDING, attempts + 1, next try after a backoff
 *       │ ──REFUSED (400, 401, 403, no key)──▶ FAILED
 *       └ ──RESOLVE──▶ RESOLVE_PENDING (tried at least once: the pager may have it) or CANCELLED (never tried)
 * TRIGGERED ──RESOLVE──▶ RESOLVE_PENDING
 * RESOLVE_PENDING ──ACCEPTED──▶ RESOLVED ; ──TRY_AGAIN──▶ RESOLVE_PENDING (backoff) ; ──REFUSED──▶ FAILED
 * FAILED ──REARM (a person pages again)──▶ TRIGGER_PENDING, attempts 0
 * anything else: no move (a repeat, or a late answer for a page that moved on)
 * </pre>
 * A pending page is due at {@code nextAttemptAt}; entering a finished state, or TRIGGERED, clears it.
 */
public final class PageTransitions {

    public enum Event {
        ACCEPTED, TRY_AGAIN, REFUSED, RESOLVE, REARM
    }

    /** The first retry waits this long; each next one twice as long, up to {@link #MAX_BACKOFF}. */
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** How long a claimed send may take before another pass (or replica) may claim the page again. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    private PageTransitions() {
    }

    /** The table: the state a page moves to on {@code event}, or empty when the event does not move it. */
    public static Optional<PageState> next(PageState from, Event event, int attempts) {
        PageState to = switch (from) {
            case TRIGGER_PENDING -> switch (event) {
                case ACCEPTED -> PageState.TRIGGERED;
                case TRY_AGAIN -> PageState.TRIGGER_PENDING;
                case REFUSED -> PageState.FAILED;
                case RESOLVE -> attempts > 0 ? PageState.RESOLVE_PENDING : PageState.CANCELLED;
                case REARM -> null;
            };
            case TRIGGERED -> event == Event.RESOLVE ? PageState.RESOLVE_PENDING : null;
            case RESOLVE_PENDING -> switch (event) {
                case ACCEPTED -> PageState.RESOLVED;
                case TRY_AGAIN -> PageState.RESOLVE_PENDING;
                case REFUSED -> PageState.FAILED;
                case RESOLVE, REARM -> null;
            };
            case FAILED -> event == Event.REARM ? PageState.TRIGGER_PENDING : null;
            case RESOLVED, CANCELLED -> null;
        };
        return Optional.ofNullable(to);
    }

    /** A page as {@code event} leaves it at {@code now}; empty when the table has no such move. */
    public static Optional<Page> enter(Page p, Event event, Instant now, Optional<String> error) {
        return next(p.state(), event, p.attempts()).map(to -> {
            int attempts = switch (event) {
                case TRY_AGAIN, REFUSED, ACCEPTED -> p.attempts() + 1;
                case REARM -> 0;
                case RESOLVE -> p.attempts();
            };
            Optional<Instant> next = switch (to) {
                case TRIGGER_PENDING, RESOLVE_PENDING -> Optional.of(event == Event.TRY_AGAIN
                        ? now.plus(backoff(attempts)) : now);
                default -> Optional.empty();
            };
            // An entry into a fresh owed state (resolve asked, re-armed) starts its own count of tries.
            int kept = event == Event.RESOLVE && to == PageState.RESOLVE_PENDING ? 0 : attempts;
            Optional<String> lastError = event == Event.ACCEPTED || event == Event.REARM ? Optional.empty()
                    : error.or(p::lastError);
            return new Page(p.id(), p.incidentNumber(), p.target(), p.dedupKey(), to, p.message(), p.requestedBy(),
                    kept, next, lastError, p.createdAt(), p.version());
        });
    }

    /** The wait before try {@code attempts + 1}: 30 s, 1 min, 2 min, … at most 10 min. */
    public static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
