package dev.flightdeck.envconfig.change;

import dev.flightdeck.deploy.EnvironmentConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Optional;

import static dev.flightdeck.envconfig.change.FlowRig.DEVELOPER;
import static dev.flightdeck.envconfig.change.FlowRig.LEAD;
import static dev.flightdeck.envconfig.change.FlowRig.NOBODY;
import static dev.flightdeck.envconfig.change.FlowRig.RELEASE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/** Deciding like a deploy: the prod policy (approvers, self-approval off, N goes), blocked rules and their override, apply on the last go. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigChangeDecideTest {

    FlowRig rig;

    @BeforeAll
    void seed() {
        rig = new FlowRig();
        FlowSeed.queues(rig.app);
        FlowSeed.ssm(rig.app, "prod", "DECIDE_SENDER", "mail@example.com");
        FlowSeed.ssm(rig.app, "prod", "DECIDE_TWO", "one");
        FlowSeed.ssm(rig.app, "prod", "DECIDE_NOGO", "one");
    }

    ConfigChange propose(FlowRig rig, String by, String key, String value) {
        return ((ChangeOutcome.Proposed) rig.changes.propose(by, "mail", "prod", key, ChangeKind.SET,
                Optional.of(value))).change();
    }

    @Test
    void aBlockedChangeWaitsForAnOverrideWithAReasonAndGoWritesNothingUntilThen() {
        ConfigChange c = propose(rig, DEVELOPER, "EMAIL_QUEUE_URL", FlowSeed.queue("staging"));
        int writes = rig.writer.writes.size();

        assertThat(rig.changes.go(c.id(), LEAD)).isInstanceOf(ChangeOutcome.BlockedByRules.class);
        assertThat(rig.changes.override(c.id(), LEAD, "ok")).isEqualTo(new ChangeOutcome.ReasonLength(3, 500));
        assertThat(rig.changes.override(c.id(), NOBODY, "moving queues on purpose"))
                .isInstanceOf(ChangeOutcome.NotApprover.class);
        assertThat(rig.writer.writes).hasSize(writes);

        assertThat(rig.changes.override(c.id(), LEAD, "moving queues on purpose"))
                .isInstanceOf(ChangeOutcome.Overridden.class);
        assertThat(rig.changes.override(c.id(), RELEASE_MANAGER, "again")).isInstanceOf(ChangeOutcome.NothingBlocks.class);
        assertThat(rig.news.about(c.id())).contains(new ChangeNews.Overridden(LEAD, "moving queues on purpose"));
        ChangeOutcome go = rig.changes.go(c.id(), LEAD);
        assertThat(go).isInstanceOf(ChangeOutcome.Applying.class);
        rig.changes.apply(c.id());

        ConfigChange applied = rig.repository.find(c.id()).orElseThrow();
        assertThat(applied.state()).isEqualTo(ChangeState.APPLIED);
        assertThat(applied.override()).contains(new ConfigChange.RuleOverride(LEAD, "moving queues on purpose"));
        assertThat(rig.writer.writes).hasSize(writes + 1).last().satisfies(w -> {
            assertThat(w.value()).contains(FlowSeed.queue("staging"));
            assertThat(w.expectedVersion()).isEqualTo(c.value().baseVersion());
            assertThat(w.kmsKey()).contains("alias/mail-config");
        });
    }

    @Test
    void inProdANonApproverAndTheProposerAreRefusedAndAnApproversGoAppliesIt() {
        ConfigChange c = propose(rig, LEAD, "DECIDE_SENDER", "noreply@example.com");

        assertThat(rig.changes.go(c.id(), NOBODY)).isInstanceOfSatisfying(ChangeOutcome.NotApprover.class,
                n -> assertThat(n.environment()).isEqualTo("prod"));
        assertThat(rig.changes.go(c.id(), LEAD)).isInstanceOfSatisfying(ChangeOutcome.OwnRequest.class,
                o -> assertThat(o.override()).isFalse());
        assertThat(rig.changes.noGo(c.id(), NOBODY)).isInstanceOf(ChangeOutcome.NotApprover.class);
        int writes = rig.writer.writes.size();

        assertThat(rig.changes.go(c.id(), RELEASE_MANAGER)).isInstanceOf(ChangeOutcome.Applying.class);
        assertThat(rig.changes.go(c.id(), RELEASE_MANAGER)).isInstanceOf(ChangeOutcome.NotWaiting.class);
        assertThat(rig.news.about(c.id())).contains(new ChangeNews.Applying(RELEASE_MANAGER));
        rig.changes.apply(c.id());
        rig.changes.apply(c.id());

        assertThat(rig.writer.writes).hasSize(writes + 1);
        ConfigChange applied = rig.repository.find(c.id()).orElseThrow();
        assertThat(applied.state()).isEqualTo(ChangeState.APPLIED);
        String base = c.value().baseVersion();
        assertThat(applied.newVersion()).isEqualTo(String.valueOf(Integer.parseInt(base) + 1));
        assertThat(rig.news.about(c.id())).contains(new ChangeNews.Applied(RELEASE_MANAGER, base, applied.newVersion()));
        assertThat(rig.history.events).filteredOn(e -> e.changeId().equals(Optional.of(c.id()))).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(RELEASE_MANAGER);
                    assertThat(e.outside()).isFalse();
                    assertThat(e.oldVersion()).isEqualTo(base);
                    assertThat(e.newFingerprint()).isEqualTo(rig.fingerprint("noreply@example.com"));
                });
    }

    @Test
    void withTwoGoesNeededTheFirstIsRecordedAndEachApproverCountsOnce() {
        FlowRig two = new FlowRig(env -> env.name().equals("prod") ? twoGoes(env) : env);
        ConfigChange c = propose(two, DEVELOPER, "DECIDE_TWO", "two");

        assertThat(two.changes.go(c.id(), LEAD)).isInstanceOfSatisfying(ChangeOutcome.GoRecorded.class, g -> {
            assertThat(g.have()).isEqualTo(1);
            assertThat(g.need()).isEqualTo(2);
        });
        assertThat(two.changes.go(c.id(), LEAD)).isInstanceOf(ChangeOutcome.AlreadyApproved.class);
        assertThat(two.news.about(c.id())).containsExactly(new ChangeNews.GoRecorded(LEAD, 1, 2));
        assertThat(two.changes.go(c.id(), RELEASE_MANAGER)).isInstanceOf(ChangeOutcome.Applying.class);
        two.changes.apply(c.id());
        assertThat(two.history.events).singleElement().satisfies(e -> assertThat(e.actor()).isEqualTo(RELEASE_MANAGER));
    }

    @Test
    void noGoRejectsAndCancelIsForTheProposerOrAnApprover() {
        ConfigChange rejected = propose(rig, DEVELOPER, "DECIDE_NOGO", "two");
        assertThat(rig.changes.noGo(rejected.id(), LEAD)).isInstanceOf(ChangeOutcome.Rejected.class);
        assertThat(rig.changes.go(rejected.id(), RELEASE_MANAGER)).isInstanceOf(ChangeOutcome.NotWaiting.class);
        assertThat(rig.news.about(rejected.id())).containsExactly(new ChangeNews.Rejected(LEAD));

        ConfigChange cancelled = propose(rig, DEVELOPER, "DECIDE_NOGO", "three");
        assertThat(rig.changes.cancel(cancelled.id(), NOBODY)).isInstanceOf(ChangeOutcome.NotProposerOrApprover.class);
        assertThat(rig.changes.cancel(cancelled.id(), DEVELOPER)).isInstanceOf(ChangeOutcome.Cancelled.class);
        assertThat(rig.changes.cancel(cancelled.id(), DEVELOPER)).isInstanceOf(ChangeOutcome.NotWaiting.class);
        assertThat(rig.changes.go(Long.MAX_VALUE, LEAD)).isEqualTo(new ChangeOutcome.NoSuchChange(Long.MAX_VALUE));
    }

    static EnvironmentConfig twoGoes(EnvironmentConfig e) {
        return new EnvironmentConfig(e.name(), e.channel(), 2, e.approvers(), e.selfApproval(), e.window(),
                e.freezeAt(), e.gates(), e.autoStart(), e.nudgeAfter(), e.runnerNudgeAfter(), e.expireAfter(),
                e.postReleaseCheck(), e.buildSilence(), e.promotionFrom(), e.checklist());
    }
}
