package dev.flightdeck.envconfig.change;

import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.testing.LogCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.Optional;

import static dev.flightdeck.envconfig.change.FlowRig.DEVELOPER;
import static dev.flightdeck.envconfig.change.FlowRig.LEAD;
import static dev.flightdeck.envconfig.change.FlowRig.NOBODY;
import static dev.flightdeck.envconfig.change.FlowRig.RELEASE_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/** Applying: a moved version, a failed write and its retry, reverts of a plain and a secret change, a secret kept apart. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigChangeApplyTest {

    static final String OLD_SECRET = "made-up-old-token-71c2";
    static final String NEW_SECRET = "made-up-new-token-0b9e";

    FlowRig rig;

    @BeforeAll
    void seed() {
        rig = new FlowRig();
        FlowSeed.ssm(rig.app, "prod", "APPLY_MOVED", "one");
        FlowSeed.ssm(rig.app, "prod", "APPLY_FAILS", "one");
        FlowSeed.ssm(rig.app, "prod", "APPLY_REVERT", "before");
        FlowSeed.secret(rig.app, "prod", Map.of("APPLY_TOKEN", OLD_SECRET));
    }

    ConfigChange approved(String key, ChangeKind kind, Optional<String> value) {
        ConfigChange c = ((ChangeOutcome.Proposed) rig.changes.propose(DEVELOPER, "mail", "prod", key, kind, value))
                .change();
        assertThat(rig.changes.go(c.id(), LEAD)).isInstanceOf(ChangeOutcome.Applying.class);
        return c;
    }

    @Test
    void aVersionMovedSinceTheProposalWritesNothingAndNamesWhoMovedIt() {
        ConfigChange c = approved("APPLY_MOVED", ChangeKind.SET, Optional.of("two"));
        rig.writer.versions.put(c.target().source(), "9");
        rig.writer.movedBy.put(c.target().source(), "arn:aws:iam::123456789012:user/alice");

        rig.changes.apply(c.id());

        ConfigChange conflicted = rig.repository.find(c.id()).orElseThrow();
        assertThat(conflicted.state()).isEqualTo(ChangeState.CONFLICTED);
        assertThat(conflicted.outcome()).hasValueSatisfying(o -> assertThat(o).contains("user/alice", "9"));
        assertThat(rig.news.about(c.id())).contains(new ChangeNews.Conflicted("9",
                Optional.of("arn:aws:iam::123456789012:user/alice")));
        assertThat(rig.history.events).noneMatch(e -> e.changeId().equals(Optional.of(c.id())));
    }

    @Test
    void aFailedWriteIsVisibleAndRetryAppliesIt() {
        ConfigChange c = approved("APPLY_FAILS", ChangeKind.SET, Optional.of("two"));
        rig.writer.next.set(new ConfigWriter.Failed("SSM throttled the write after 5 tries"));

        rig.changes.apply(c.id());
        assertThat(rig.repository.find(c.id()).orElseThrow().state()).isEqualTo(ChangeState.FAILED);
        assertThat(rig.news.about(c.id())).contains(new ChangeNews.WriteFailed("SSM throttled the write after 5 tries"));

        assertThat(rig.changes.retry(c.id(), NOBODY)).isInstanceOf(ChangeOutcome.NotProposerOrApprover.class);
        assertThat(rig.changes.retry(c.id(), DEVELOPER)).isInstanceOf(ChangeOutcome.Applying.class);
        assertThat(rig.changes.retry(c.id(), DEVELOPER)).isInstanceOf(ChangeOutcome.NotWaiting.class);
        rig.changes.apply(c.id());
        assertThat(rig.repository.find(c.id()).orElseThrow().state()).isEqualTo(ChangeState.APPLIED);
        assertThat(rig.news.about(c.id())).contains(new ChangeNews.Retried(DEVELOPER));
    }

    @Test
    void aPlainChangeIsRevertedThroughTheSameFlow() {
        ConfigChange c = approved("APPLY_REVERT", ChangeKind.SET, Optional.of("after"));
        assertThat(rig.changes.revert(DEVELOPER, c.id())).isInstanceOfSatisfying(ChangeOutcome.NothingToRevert.class,
                n -> assertThat(n.why()).contains("applying"));
        rig.changes.apply(c.id());
        FlowSeed.ssm(rig.app, "prod", "APPLY_REVERT", "after"); // what the real writer would have left in AWS

        ConfigChange revert = ((ChangeOutcome.Proposed) rig.changes.revert(DEVELOPER, c.id())).change();

        assertThat(revert.revertOf()).contains(c.id());
        assertThat(revert.kind()).isEqualTo(ChangeKind.SET);
        assertThat(revert.value().oldValue()).contains("after");
        assertThat(revert.value().newValue()).contains("before");
        assertThat(rig.news.posts).anyMatch(p -> p.id() == revert.id());
    }

    @Test
    void aSecretGoesOnlyToThePendingStoreAndToTheWriterAndIsRevertedTheSameWay() {
        try (LogCapture log = LogCapture.root()) {
            ConfigChange c = approved("APPLY_TOKEN", ChangeKind.SET, Optional.of(NEW_SECRET));
            assertThat(c.target().inSecretsManager()).isTrue();
            assertThat(rig.pending.held).containsEntry(c.id(), NEW_SECRET);
            assertThat(c.value().newFingerprint()).isEqualTo(rig.fingerprint(NEW_SECRET));

            rig.changes.apply(c.id());
            assertThat(rig.writer.writes).filteredOn(w -> w.target().key().equals("APPLY_TOKEN")).singleElement()
                    .satisfies(w -> assertThat(w.value()).contains(NEW_SECRET));
            ConfigChange applied = rig.repository.find(c.id()).orElseThrow();
            assertThat(applied.state()).isEqualTo(ChangeState.APPLIED);
            assertThat(rig.pending.held).doesNotContainKey(c.id());
            assertThat(rig.pending.forgotten).contains(c.id());

            FlowSeed.secret(rig.app, "prod", Map.of("APPLY_TOKEN", NEW_SECRET));
            rig.writer.before.put(c.target().source() + "@" + applied.newVersion(), OLD_SECRET);
            ConfigChange revert = ((ChangeOutcome.Proposed) rig.changes.revert(DEVELOPER, c.id())).change();
            assertThat(rig.pending.held).containsEntry(revert.id(), OLD_SECRET);
            assertThat(revert.value().newFingerprint()).isEqualTo(rig.fingerprint(OLD_SECRET));
            assertThat(rig.changes.go(revert.id(), RELEASE_MANAGER)).isInstanceOf(ChangeOutcome.Applying.class);

            for (long id : new long[]{c.id(), revert.id()}) {
                assertThat(rig.row(id)).doesNotContain(NEW_SECRET).doesNotContain(OLD_SECRET);
                assertThat(rig.repository.find(id).orElseThrow().toString()).doesNotContain("made-up");
            }
            assertThat(rig.news.posts.toString() + rig.news.told).doesNotContain("made-up");
            assertThat(rig.history.events.toString()).doesNotContain("made-up");
            assertThat(rig.audit().find(AuditQuery.newestFirst(500))).allSatisfy(e ->
                    assertThat(e.payloadJson()).doesNotContain("made-up"));
            assertThat(log.linesWithThrowables()).noneMatch(l -> l.contains("made-up"));
        }
    }

    @Test
    void aChangeThatCreatedAKeyIsRevertedByRemovingIt() {
        FlowSeed.ssm(rig.app, "staging", "APPLY_CREATED", "staging-only");
        ConfigChange c = approved("APPLY_CREATED", ChangeKind.SET, Optional.of("now-in-prod"));
        assertThat(c.value().hadValue()).isFalse();
        rig.changes.apply(c.id());
        FlowSeed.ssm(rig.app, "prod", "APPLY_CREATED", "now-in-prod");

        ConfigChange revert = ((ChangeOutcome.Proposed) rig.changes.revert(DEVELOPER, c.id())).change();
        assertThat(revert.kind()).isEqualTo(ChangeKind.UNSET);
        assertThat(rig.changes.go(revert.id(), LEAD)).isInstanceOf(ChangeOutcome.Applying.class);
        rig.changes.apply(revert.id());
        assertThat(rig.writer.writes).last().satisfies(w -> {
            assertThat(w.value()).isEmpty();
            assertThat(w.target().source()).isEqualTo("/mail/prod/APPLY_CREATED");
        });
    }
}
