package dev.flightdeck.incident.paging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.flightdeck.incident.paging.PageTransitions.Event.ACCEPTED;
import static dev.flightdeck.incident.paging.PageTransitions.Event.REARM;
import static dev.flightdeck.incident.paging.PageTransitions.Event.REFUSED;
import static dev.flightdeck.incident.paging.PageTransitions.Event.RESOLVE;
import static dev.flightdeck.incident.paging.PageTransitions.Event.TRY_AGAIN;
import static org.assertj.core.api.Assertions.assertThat;

class PageTransitionsTest {

    private final Instant now = Instant.parse("2026-12-07T10:00:00Z");

    private Page page(PageState state, int attempts) {
        return new Page(1, 12, "platform", "INC-12:platform", state, Optional.empty(), "U1", attempts,
                Optional.of(now), Optional.empty(), now, 1);
    }

    @Test
    void aTriggerTakenIsTriggeredAndNoLongerDue() {
        Page p = PageTransitions.enter(page(PageState.TRIGGER_PENDING, 0), ACCEPTED, now, Optional.empty()).orElseThrow();
        assertThat(p.state()).isEqualTo(PageState.TRIGGERED);
        assertThat(p.nextAttemptAt()).isEmpty();
    }

    @Test
    void failuresThatMayPassAreTriedAgainLaterEachTimeUpToTenMinutes() {
        Page p = page(PageState.TRIGGER_PENDING, 0);
        p = PageTransitions.enter(p, TRY_AGAIN, now, Optional.of("HTTP 500")).orElseThrow();
        assertThat(p.state()).isEqualTo(PageState.TRIGGER_PENDING);
        assertThat(p.nextAttemptAt()).contains(now.plusSeconds(30));
        assertThat(p.lastError()).contains("HTTP 500");
        p = PageTransitions.enter(p, TRY_AGAIN, now, Optional.of("HTTP 503")).orElseThrow();
        assertThat(p.nextAttemptAt()).contains(now.plusSeconds(60));
        assertThat(PageTransitions.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aRefusalIsFinalUntilSomeonePagesAgain() {
        Page failed = PageTransitions.enter(page(PageState.TRIGGER_PENDING, 0), REFUSED, now, Optional.of("HTTP 400"))
                .orElseThrow();
        assertThat(failed.state()).isEqualTo(PageState.FAILED);
        assertThat(failed.state().finished()).isTrue();
        assertThat(failed.nextAttemptAt()).isEmpty();
        assertThat(PageTransitions.enter(failed, RESOLVE, now, Optional.empty())).isEmpty();
        Page rearmed = PageTransitions.enter(failed, REARM, now, Optional.empty()).orElseThrow();
        assertThat(rearmed.state()).isEqualTo(PageState.TRIGGER_PENDING);
        assertThat(rearmed.attempts()).isZero();
        assertThat(rearmed.nextAttemptAt()).contains(now);
    }

    @Test
    void resolvingResolvesWhatThePagerMayHaveAndCancelsWhatItNeverSaw() {
        assertThat(PageTransitions.next(PageState.TRIGGERED, RESOLVE, 1)).contains(PageState.RESOLVE_PENDING);
        assertThat(PageTransitions.next(PageState.TRIGGER_PENDING, RESOLVE, 2)).contains(PageState.RESOLVE_PENDING);
        assertThat(PageTransitions.next(PageState.TRIGGER_PENDING, RESOLVE, 0)).contains(PageState.CANCELLED);
        assertThat(PageTransitions.next(PageState.RESOLVE_PENDING, ACCEPTED, 0)).contains(PageState.RESOLVED);
        assertThat(PageTransitions.next(PageState.RESOLVED, RESOLVE, 0)).isEmpty();
        assertThat(PageTransitions.next(PageState.TRIGGERED, REARM, 0)).isEmpty();
    }
}
