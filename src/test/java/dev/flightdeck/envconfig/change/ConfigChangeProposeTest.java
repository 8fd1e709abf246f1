package dev.flightdeck.envconfig.change;

import dev.flightdeck.audit.AuditEvent;
import dev.flightdeck.audit.AuditQuery;
import dev.flightdeck.envconfig.RuleResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Proposing: which keys may be proposed, what a value must be, the rules run with the value in place, the request stored and posted. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigChangeProposeTest {

    FlowRig rig;

    @BeforeAll
    void seed() {
        rig = new FlowRig();
        FlowSeed.queues(rig.app);
        FlowSeed.ssm(rig.app, "prod", "PROPOSE_LOG_LEVEL", "info");
        FlowSeed.ssm(rig.app, "staging", "PROPOSE_ONLY_IN_STAGING", "on");
        FlowSeed.ssm(rig.app, "staging", "PROPOSE_SENDER", "mail@staging.example.com");
        FlowSeed.ssm(rig.app, "prod", "PROPOSE_SENDER", "mail@example.com");
    }

    @Test
    void anUnknownServiceEnvironmentOrKeyIsRefusedWithTheClosestNames() {
        var changes = rig.changes;
        assertThat(changes.ready("U1", "mial", "prod", "X", ChangeKind.SET))
                .isInstanceOfSatisfying(ChangeOutcome.UnknownService.class, u -> assertThat(u.closest()).first().isEqualTo("mail"));
        assertThat(changes.ready("U1", "mail", "prdo", "X", ChangeKind.SET))
                .isInstanceOfSatisfying(ChangeOutcome.UnknownEnvironment.class, u -> assertThat(u.closest()).first().isEqualTo("prod"));
        assertThat(changes.ready("U1", "mail-reader", "prod", "X", ChangeKind.SET))
                .isEqualTo(new ChangeOutcome.ChangesNotAllowed("mail-reader"));
        assertThat(changes.ready("U1", "mail", "prod", "PROPOSE_LOG_LEVLE", ChangeKind.SET))
                .isInstanceOfSatisfying(ChangeOutcome.UnknownKey.class, u -> assertThat(u.closest()).first()
                        .isEqualTo("PROPOSE_LOG_LEVEL"));
        assertThat(rig.news.posts).isEmpty();
    }

    @Test
    void aKeyKnownInAnotherEnvironmentOrNamedByARuleMayBeAddedWhereItWouldLive() {
        assertThat(rig.changes.ready("U1", "mail", "prod", "PROPOSE_ONLY_IN_STAGING", ChangeKind.SET))
                .isEqualTo(new ChangeOutcome.Ready(new ConfigTarget("mail", "prod", "PROPOSE_ONLY_IN_STAGING",
                        "/mail/prod/PROPOSE_ONLY_IN_STAGING", "String"), Optional.empty()));
        assertThat(rig.changes.ready("U1", "mail", "prod", "PROPOSE_LOG_LEVEL", ChangeKind.SET))
                .isEqualTo(new ChangeOutcome.Ready(new ConfigTarget("mail", "prod", "PROPOSE_LOG_LEVEL",
                        "/mail/prod/PROPOSE_LOG_LEVEL", "String"), Optional.of("info")));
        assertThat(rig.changes.ready("U1", "mail", "prod", "PROPOSE_ONLY_IN_STAGING", ChangeKind.UNSET))
                .isInstanceOfSatisfying(ChangeOutcome.BadValue.class, b -> assertThat(b.problem()).contains("nothing to remove"));
    }

    @Test
    void anEmptyTooLongOrUnchangedValueIsRefusedInPlainWordsWithoutTheValue() {
        int before = rig.news.posts.size();
        String tooLong = "x".repeat(ChangeProposals.SSM_MAX + 1);
        for (Optional<String> value : List.of(Optional.of(" "), Optional.<String>empty(), Optional.of(tooLong),
                Optional.of("info"))) {
            ChangeOutcome outcome = rig.changes.propose("U1", "mail", "prod", "PROPOSE_LOG_LEVEL", ChangeKind.SET, value);
            assertThat(outcome).isInstanceOf(ChangeOutcome.BadValue.class);
            assertThat(((ChangeOutcome.BadValue) outcome).problem()).doesNotContain("xxxx").doesNotContain("info");
        }
        assertThat(((ChangeOutcome.BadValue) rig.changes.propose("U1", "mail", "prod", "PROPOSE_LOG_LEVEL",
                ChangeKind.SET, Optional.of("info"))).problem()).contains("nothing to change");
        assertThat(rig.news.posts).hasSize(before);
    }

    @Test
    void aValueBreakingThePatternIsPostedBlockedNamingTheRuleAndAuditedWithFingerprintsOnly() {
        String wrong = FlowSeed.queue("staging");
        ChangeOutcome outcome = rig.changes.propose("U0DEVONE", "mail", "prod", "EMAIL_QUEUE_URL", ChangeKind.SET,
                Optional.of(wrong));

        ConfigChange change = ((ChangeOutcome.Proposed) outcome).change();
        assertThat(change.blocked()).isTrue();
        assertThat(change.rules()).filteredOn(r -> r.outcome() == RuleResult.Outcome.FAIL)
                .extracting(RuleResult::rule).contains(RuleResult.Rule.PATTERN, RuleResult.Rule.DIFFER_ACROSS_ENVIRONMENTS);
        assertThat(change.value().oldValue()).contains(FlowSeed.queue("prod"));
        assertThat(change.value().newValue()).contains(wrong);
        assertThat(change.value().newFingerprint()).isEqualTo(rig.fingerprint(wrong));
        assertThat(change.message()).isPresent();
        assertThat(rig.news.posts).anyMatch(p -> p.id() == change.id() && p.blocked());
        assertThat(rig.repository.find(change.id()).orElseThrow().rules()).isEqualTo(change.rules());
        AuditEvent proposed = rig.audit().find(AuditQuery.newestFirst(50).ofTypes(ChangeAudit.PROPOSED.name())).stream()
                .filter(e -> e.payloadJson().contains("\"change\":" + change.id() + ",")).findFirst().orElseThrow();
        assertThat(proposed.payloadJson()).contains(rig.fingerprint(wrong), "pattern EMAIL_QUEUE_URL")
                .doesNotContain(wrong).doesNotContain(FlowSeed.queue("prod"));
    }

    @Test
    void aValidValueIsNotBlockedAndItsApproversAreNudgedAndItExpiresByTheEnvironmentsPolicy() {
        ConfigChange change = ((ChangeOutcome.Proposed) rig.changes.propose("U0DEVONE", "mail", "prod",
                "PROPOSE_SENDER", ChangeKind.SET, Optional.of("noreply@example.com"))).change();
        assertThat(change.blocked()).isFalse();
        var prod = rig.team.environment("prod").orElseThrow();
        assertThat(change.timers().nextNudgeAt()).isEqualTo(change.timers().proposedAt().plus(prod.nudgeAfter()));
        assertThat(change.timers().expiresAt()).isEqualTo(change.timers().proposedAt().plus(prod.expireAfter()));
        assertThat(change.value().baseVersion()).isNotEmpty();
    }

    @Test
    void aRequestThatCannotBePostedIsCancelledAndSaysSo() {
        FlowRig gone = new FlowRig();
        gone.news.channelGone = true;
        ChangeOutcome outcome = gone.changes.propose("U0DEVONE", "mail", "prod", "PROPOSE_SENDER", ChangeKind.SET,
                Optional.of("bounce@example.com"));
        assertThat(outcome).isEqualTo(new ChangeOutcome.PostFailed("#deploys"));
        ConfigChange tried = gone.news.posts.get(0);
        assertThat(gone.repository.find(tried.id()).orElseThrow().state()).isEqualTo(ChangeState.CANCELLED);
    }

    @Test
    void aSecretThatCannotBeHeldIsNotProposed() {
        FlowSeed.secret(rig.app, "prod", Map.of("PROPOSE_HELD_TOKEN", "made-up-held-1"));
        FlowRig down = new FlowRig();
        down.pending.failHolds = true;
        ChangeOutcome outcome = down.changes.propose("U0DEVONE", "mail", "prod", "PROPOSE_HELD_TOKEN", ChangeKind.SET,
                Optional.of("made-up-held-2"));
        assertThat(outcome).isInstanceOfSatisfying(ChangeOutcome.SourceDown.class,
                s -> assertThat(s.message()).contains("nothing was proposed").doesNotContain("made-up"));
        assertThat(down.news.posts).isEmpty();
    }

    @Test
    void theRulesSeeTheProposalAgainstOtherServicesAndARemovalOfARequiredKeyIsBlocked() {
        String shared = "https://sqs.us-east-1.amazonaws.com/999999999999/mail-prod-emails";
        try (var ssm = rig.app.ssm()) {
            ssm.putParameter(r -> r.name("/mail-reader/prod/INBOX_QUEUE").type("String").value(shared).overwrite(true));
        }
        ConfigChange clash = ((ChangeOutcome.Proposed) rig.changes.propose("U0DEVONE", "mail", "prod",
                "EMAIL_QUEUE_URL", ChangeKind.SET, Optional.of(shared))).change();
        assertThat(clash.blocked()).isTrue();
        assertThat(clash.rules()).filteredOn(r -> r.outcome() == RuleResult.Outcome.FAIL).singleElement()
                .satisfies(r -> {
                    assertThat(r.rule()).isEqualTo(RuleResult.Rule.UNIQUE_ACROSS_SERVICES);
                    assertThat(r.finding()).isEqualTo(new dev.flightdeck.envconfig.RuleFinding.SameAsOtherServices(
                            "prod", List.of(new dev.flightdeck.envconfig.RuleFinding.ServiceKey("mail-reader",
                            "INBOX_QUEUE"))));
                });

        ConfigChange removal = ((ChangeOutcome.Proposed) rig.changes.propose("U0DEVONE", "mail", "prod",
                "EMAIL_QUEUE_URL", ChangeKind.UNSET, Optional.empty())).change();
        assertThat(removal.blocked()).isTrue();
        assertThat(removal.value().newFingerprint()).isEmpty();
        assertThat(removal.rules()).anyMatch(r -> r.rule() == RuleResult.Rule.REQUIRED
                && r.outcome() == RuleResult.Outcome.FAIL);
    }
}
