package dev.flightdeck.deploy;

import dev.flightdeck.deploy.fakes.DeployWorld;
import org.junit.jupiter.api.Test;

import static dev.flightdeck.deploy.fakes.DeployWorld.DEV;
import static dev.flightdeck.deploy.fakes.DeployWorld.LEAD;
import static dev.flightdeck.deploy.fakes.DeployWorld.OUTSIDER;
import static dev.flightdeck.deploy.fakes.DeployWorld.RM1;
import static dev.flightdeck.deploy.fakes.DeployWorld.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Anyone locks (with a reason); the locker or an approver unlocks. */
class ManualLocksTest {

    final DeployWorld w = new DeployWorld();

    @Test
    void aLockNeedsAReasonAndIsHeldOnce() {
        assertThat(w.locks.lock("commons", "prod", DEV, " ")).isEqualTo(new DeployOutcome.LockNeedsReason("commons", "prod", 500));

        ManualLock lock = new ManualLock("commons", "prod", DEV, "db migration", T0);
        assertThat(w.locks.lock("commons", "prod", DEV, " db migration ")).isEqualTo(new DeployOutcome.Locked(lock));
        assertThat(w.locks.lock("commons", "prod", OUTSIDER, "me too")).isEqualTo(new DeployOutcome.AlreadyLocked(lock));
    }

    @Test
    void onlyTheLockerOrAnApproverUnlocks() {
        w.locks.lock("commons", "prod", DEV, "db migration");

        assertThat(w.locks.unlock("commons", "prod", OUTSIDER)).isInstanceOf(DeployOutcome.NotLockHolder.class);
        assertThat(w.locks.unlock("commons", "prod", RM1)).isEqualTo(new DeployOutcome.Unlocked("commons", "prod", RM1));
        assertThat(w.locks.unlock("commons", "prod", LEAD)).isEqualTo(new DeployOutcome.NotLocked("commons", "prod"));
    }

    @Test
    void whenApproversCannotBeListedOnlyTheLockerUnlocks() {
        w.locks.lock("commons", "prod", DEV, "db migration");
        w.directory.unavailable();

        assertThat(w.locks.unlock("commons", "prod", RM1)).isEqualTo(new DeployOutcome.DirectoryDown(null));
        assertThat(w.locks.unlock("commons", "prod", DEV)).isInstanceOf(DeployOutcome.Unlocked.class);
    }
}
