package dev.flightdeck.deploy.slots;

import dev.flightdeck.deploy.BranchVersions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.flightdeck.deploy.slots.SlotClaimState.EXPIRED;
import static dev.flightdeck.deploy.slots.SlotClaimState.HELD;
import static dev.flightdeck.deploy.slots.SlotClaimState.QUEUED;
import static dev.flightdeck.deploy.slots.SlotClaimState.RELEASED;
import static dev.flightdeck.deploy.slots.SlotClaimState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

/** The one table of slot claim moves, the warning's time, and which versions are branches. */
class SlotTransitionsTest {

    final Instant t0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void everyMoveOfTheTable() {
        assertThat(SlotTransitions.next(QUEUED, SlotEvent.GRANT)).contains(HELD);
        assertThat(SlotTransitions.next(QUEUED, SlotEvent.RELEASE)).contains(WITHDRAWN);
        assertThat(SlotTransitions.next(QUEUED, SlotEvent.EXPIRE)).isEmpty();
        assertThat(SlotTransitions.next(QUEUED, SlotEvent.WARN)).isEmpty();
        assertThat(SlotTransitions.next(HELD, SlotEvent.WARN)).contains(HELD);
        assertThat(SlotTransitions.next(HELD, SlotEvent.EXTEND)).contains(HELD);
        assertThat(SlotTransitions.next(HELD, SlotEvent.RELEASE)).contains(RELEASED);
        assertThat(SlotTransitions.next(HELD, SlotEvent.EXPIRE)).contains(EXPIRED);
        assertThat(SlotTransitions.next(HELD, SlotEvent.GRANT)).isEmpty();
        for (SlotClaimState over : new SlotClaimState[]{RELEASED, EXPIRED, WITHDRAWN}) {
            for (SlotEvent e : SlotEvent.values()) {
                assertThat(SlotTransitions.next(over, e)).as(over + " " + e).isEmpty();
            }
        }
    }

    @Test
    void aGrantHoldsFromNowForTheClaimsHoldAndIsWarnedHalfAnHourBeforeTheEnd() {
        SlotClaim queued = SlotClaim.queued("dev", null, "U1", "emails", Duration.ofHours(2), t0);
        SlotClaim held = SlotTransitions.grant(queued, "dev2", t0.plusSeconds(600)).orElseThrow();
        assertThat(held.slot()).isEqualTo("dev2");
        assertThat(held.expiresAt()).isEqualTo(t0.plusSeconds(600).plus(Duration.ofHours(2)));
        assertThat(held.dueAt()).contains(held.expiresAt().minus(Duration.ofMinutes(30)));
        SlotClaim warned = SlotTransitions.warn(held).orElseThrow();
        assertThat(warned.dueAt()).contains(held.expiresAt());
        assertThat(SlotTransitions.extend(warned, warned.expiresAt().plusSeconds(3600)).orElseThrow().warned()).isFalse();
        assertThat(SlotTransitions.end(warned, SlotEvent.EXPIRE, held.expiresAt(), "system").orElseThrow().dueAt()).isEmpty();
        // A 40-minute hold is warned halfway, not before it began.
        SlotClaim shortHold = SlotClaim.held("dev", "dev1", null, "U1", null, Duration.ofMinutes(40), t0);
        assertThat(shortHold.warnAt()).isEqualTo(t0.plus(Duration.ofMinutes(20)));
        assertThat(SlotTransitions.grant(held, "dev1", t0)).isEmpty();
    }

    @Test
    void releaseVersionsAreNumbersTagsAndShasAnythingElseIsABranch() {
        for (String release : new String[]{"5.11.2", "v1.2.3-rc.1", "V2", "a1b2c3d", "0f3e9c2b7d4a1e6f8c5b"}) {
            assertThat(BranchVersions.looksLikeBranch(release)).as(release).isFalse();
        }
        for (String branch : new String[]{"feature/emails", "main", "fix-login", "release-5", "deadbeefcafe/x"}) {
            assertThat(BranchVersions.looksLikeBranch(branch)).as(branch).isTrue();
        }
        // Refused where releases deploy: only what is surely a branch (a release tag may be any word).
        assertThat(BranchVersions.surelyBranch("feature/emails")).isTrue();
        assertThat(BranchVersions.surelyBranch("Main")).isTrue();
        assertThat(BranchVersions.surelyBranch("very-first")).isFalse();
        assertThat(BranchVersions.surelyBranch("5.11.2")).isFalse();
    }
}
