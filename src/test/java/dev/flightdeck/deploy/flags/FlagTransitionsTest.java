package dev.flightdeck.deploy.flags;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The one table of a flag request: what each state accepts, and which states are final. */
class FlagTransitionsTest {

    @Test
    void aRequestIsDecidedOnceAndAppliedOrFailedNothingElseMoves() {
        assertThat(FlagTransitions.next(FlagState.REQUESTED, FlagEvent.GO)).contains(FlagState.APPLYING);
        assertThat(FlagTransitions.next(FlagState.REQUESTED, FlagEvent.KILL_SWITCH)).contains(FlagState.APPLYING);
        assertThat(FlagTransitions.next(FlagState.REQUESTED, FlagEvent.NO_GO)).contains(FlagState.REJECTED);
        assertThat(FlagTransitions.next(FlagState.REQUESTED, FlagEvent.EXPIRE)).contains(FlagState.EXPIRED);
        assertThat(FlagTransitions.next(FlagState.APPLYING, FlagEvent.APPLIED)).contains(FlagState.APPLIED);
        assertThat(FlagTransitions.next(FlagState.APPLYING, FlagEvent.APPLY_FAILED)).contains(FlagState.FAILED);
        assertThat(FlagTransitions.next(FlagState.APPLYING, FlagEvent.GO)).isEmpty();
        assertThat(FlagTransitions.next(FlagState.APPLYING, FlagEvent.CANCEL)).isEmpty();
        assertThat(FlagTransitions.next(FlagState.FAILED, FlagEvent.RETRY)).contains(FlagState.APPLYING);
        assertThat(FlagTransitions.next(FlagState.FAILED, FlagEvent.GO)).isEmpty();
        assertThat(FlagTransitions.next(FlagState.REQUESTED, FlagEvent.APPLIED)).isEqualTo(Optional.empty());
    }

    @Test
    void onlyWaitingRequestsTakeADecisionAndNoNonFinalStateIsADeadEnd() {
        assertThat(FlagState.REQUESTED.awaitsDecision()).isTrue();
        assertThat(FlagState.FAILED.awaitsDecision()).isFalse();
        for (FlagState s : FlagState.values()) {
            boolean anyWayOut = false;
            for (FlagEvent e : FlagEvent.values()) {
                anyWayOut |= FlagTransitions.next(s, e).isPresent();
                FlagTransitions.next(s, e).ifPresent(to -> assertThat(to).isNotEqualTo(FlagState.REQUESTED));
            }
            assertThat(anyWayOut).as(s.name()).isEqualTo(!s.isFinal());
        }
        assertThat(FlagState.APPLIED.isFinal()).isTrue();
        assertThat(FlagState.EXPIRED.isFinal()).isTrue();
        assertThat(FlagState.APPLYING.isFinal()).isFalse();
    }
}
