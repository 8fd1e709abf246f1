package dev.flightdeck.envconfig.change;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.envconfig.change.FlowRig.DEVELOPER;
import static dev.flightdeck.envconfig.change.FlowRig.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler on the moved clock: nudges once each, expiry of waiting and failed requests, writes left half-done. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigChangeSchedulerTest {

    FlowRig rig;

    @BeforeAll
    void seed() {
        rig = new FlowRig();
        FlowSeed.ssm(rig.app, "prod", "SCHED_NUDGE", "one");
        FlowSeed.ssm(rig.app, "prod", "SCHED_EXPIRE", "one");
        FlowSeed.ssm(rig.app, "prod", "SCHED_STRANDED", "one");
        FlowSeed.ssm(rig.app, "prod", "SCHED_WRITTEN", "one");
        FlowSeed.secret(rig.app, "prod", Map.of("SCHED_TOKEN", "made-up-sched-1"));
    }

    ConfigChange propose(String key, String value) {
        return ((ChangeOutcome.Proposed) rig.changes.propose(DEVELOPER, "mail", "prod", key, ChangeKind.SET,
                Optional.of(value))).change();
    }

    @Test
    void approversAreNudgedOnceEachTimeTheNudgeComesDue() {
        ConfigChange c = propose("SCHED_NUDGE", "two");
        Duration nudgeAfter = rig.team.environment("prod").orElseThrow().nudgeAfter();

        rig.scheduler.runDue();
        assertThat(rig.news.about(c.id())).isEmpty();
        rig.clock.set(c.timers().proposedAt().plus(nudgeAfter).plusSeconds(1));
        rig.scheduler.runDue();
        rig.scheduler.runDue();
        assertThat(rig.news.about(c.id())).containsExactly(new ChangeNews.Nudged(1));
        rig.clock.advance(nudgeAfter);
        rig.scheduler.runDue();
        assertThat(rig.news.about(c.id())).containsExactly(new ChangeNews.Nudged(1), new ChangeNews.Nudged(2));
        assertThat(rig.repository.find(c.id()).orElseThrow().timers().nudges()).isEqualTo(2);
        rig.changes.cancel(c.id(), DEVELOPER);
    }

    @Test
    void aWaitingAndAFailedRequestExpireAndTheHeldSecretIsDropped() {
        ConfigChange waiting = propose("SCHED_EXPIRE", "two");
        ConfigChange failed = propose("SCHED_TOKEN", "made-up-sched-2");
        rig.changes.go(failed.id(), LEAD);
        rig.writer.next.set(new ConfigWriter.Failed("AccessDenied on PutSecretValue"));
        rig.changes.apply(failed.id());
        assertThat(rig.repository.find(failed.id()).orElseThrow().state()).isEqualTo(ChangeState.FAILED);
        assertThat(rig.pending.held).containsKey(failed.id());

        rig.clock.set(failed.timers().expiresAt().plusSeconds(1));
        rig.scheduler.runDue();

        assertThat(rig.repository.find(waiting.id()).orElseThrow().state()).isEqualTo(ChangeState.EXPIRED);
        assertThat(rig.repository.find(failed.id()).orElseThrow().state()).isEqualTo(ChangeState.EXPIRED);
        assertThat(rig.news.about(failed.id())).last().isEqualTo(new ChangeNews.Expired());
        assertThat(rig.pending.held).doesNotContainKey(failed.id());
        assertThat(rig.changes.retry(failed.id(), DEVELOPER)).isInstanceOf(ChangeOutcome.NotWaiting.class);
    }

    @Test
    void aWriteLeftUnfinishedIsWrittenOnceBySettling() {
        ConfigChange c = propose("SCHED_STRANDED", "two");
        rig.changes.go(c.id(), LEAD); // the replica died here: APPLYING, never applied
        int writes = rig.writer.writes.size();

        rig.clock.advance(Duration.ofMinutes(1));
        rig.scheduler.runDue();
        assertThat(rig.writer.writes).hasSize(writes);
        rig.clock.advance(ConfigChangeScheduler.STRANDED_AFTER);
        rig.scheduler.runDue();
        rig.scheduler.runDue();

        assertThat(rig.writer.writes).hasSize(writes + 1);
        assertThat(rig.repository.find(c.id()).orElseThrow().state()).isEqualTo(ChangeState.APPLIED);
    }

    @Test
    void aWriteThatLandedBeforeItsReplicaDiedIsFoundInAwsAndNotWrittenAgain() {
        ConfigChange c = propose("SCHED_WRITTEN", "two");
        rig.changes.go(c.id(), LEAD);
        FlowSeed.ssm(rig.app, "prod", "SCHED_WRITTEN", "two"); // it reached AWS; the replica died before recording it
        int writes = rig.writer.writes.size();

        rig.clock.advance(ConfigChangeScheduler.STRANDED_AFTER.plusSeconds(1));
        rig.scheduler.runDue();

        ConfigChange applied = rig.repository.find(c.id()).orElseThrow();
        assertThat(applied.state()).isEqualTo(ChangeState.APPLIED);
        assertThat(applied.newVersion()).isEqualTo(String.valueOf(Integer.parseInt(c.value().baseVersion()) + 1));
        assertThat(rig.writer.writes).hasSize(writes);
        assertThat(rig.history.events).anyMatch(e -> e.changeId().equals(Optional.of(c.id())) && e.actor().equals(LEAD));
    }
}
