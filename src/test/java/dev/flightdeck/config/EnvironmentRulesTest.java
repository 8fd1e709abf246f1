package dev.flightdeck.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.flightdeck.config.TeamConfigs.PROD;
import static dev.flightdeck.config.TeamConfigs.errors;
import static dev.flightdeck.config.TeamConfigs.valid;
import static org.assertj.core.api.Assertions.assertThat;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.ChannelRef;

class EnvironmentRulesTest {
    private static final String P = "flightdeck.yml: flightdeck.environments.prod.";

    @Test
    void defaultsApplyWhenOnlyTheRequiredKeysAreWritten() {
        EnvironmentConfig prod = valid(PROD).environment("prod").orElseThrow();
        assertThat(prod.selfApproval()).isFalse();
        assertThat(prod.autoStart()).isTrue();
        assertThat(prod.window()).isEmpty();
        assertThat(prod.freezeAt()).isEmpty();
        assertThat(prod.gates()).containsExactlyInAnyOrder(Gate.LOCK, Gate.ALARMS, Gate.CONFIG, Gate.CI);
        assertThat(prod.nudgeAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(prod.runnerNudgeAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(prod.expireAfter()).isEqualTo(Duration.ofHours(4));
        assertThat(prod.postReleaseCheck()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void writtenValuesOverrideDefaults() {
        EnvironmentConfig prod = valid(PROD + """
                      self-approval: true
                      auto-start: false
                      nudge-after: 30s
                      expire-after: 2d
                      window: "Mon-Fri 09:00-17:00 UTC"
                      freeze-at: sev3
                """).environment("prod").orElseThrow();
        assertThat(prod.selfApproval()).isTrue();
        assertThat(prod.autoStart()).isFalse();
        assertThat(prod.nudgeAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(prod.expireAfter()).isEqualTo(Duration.ofDays(2));
        assertThat(prod.gates()).contains(Gate.WINDOW, Gate.FREEZE);
        assertThat(prod.frozenBy(Severity.SEV3)).isTrue();
        assertThat(prod.frozenBy(Severity.SEV4)).isFalse();
    }

    @Test
    void channelAndApprovalsAreRequired() {
        assertThat(errors("flightdeck: { environments: { prod: { approvers: [U1LEAD] } } }")).containsExactly(
                P + "channel: is required: a channel id like C0123 or a quoted \"#channel-name\"",
                P + "approvals: is required: how many approvals a deploy needs (0 = announce only)");
    }

    @Test
    void anUnquotedChannelNameIsExplainedNotJustMissing() {
        assertThat(errors("""
                flightdeck:
                  environments:
                    prod:
                      channel: #deploys
                      approvals: 0
                """)).containsExactly(P + "channel: is empty; quote channel names (\"#deploys\"): "
                + "in YAML an unquoted # starts a comment");
    }

    @Test
    void aChannelMustBeAnIdOrAHashName() {
        assertThat(errors(PROD.replace("\"#deploys\"", "deploys"))).containsExactly(
                P + "channel: must be a channel id like C0123 or a #channel-name (lowercase), got \"deploys\"; "
                        + "did you mean \"#deploys\"?");
        assertThat(valid(PROD.replace("\"#deploys\"", "C0123ABC")).environment("prod").orElseThrow().channel())
                .isEqualTo(new ChannelRef.Id("C0123ABC"));
    }

    @Test
    void approversMustBeUserIdsOrGroupHandles() {
        assertThat(errors(PROD.replace("[\"@release-managers\"]", "[\"@release-managers\", bob, U0LEAD]")))
                .containsExactly(P + "approvers[1]: must be a user id like U0123 or a quoted user-group handle like "
                        + "\"@release-managers\", got \"bob\"");
    }

    @Test
    void aSlackMentionPointsToTheIdInside() {
        assertThat(errors(PROD.replace("[\"@release-managers\"]", "[\"<@U0LEAD|lee>\"]"))).containsExactly(
                P + "approvers[0]: must be a user id like U0123 or a quoted user-group handle like "
                        + "\"@release-managers\", got \"<@U0LEAD|lee>\"; did you mean U0LEAD?");
    }

    @Test
    void approvalsNeedSomeoneToApprove() {
        String noApprovers = PROD.replace("      approvers: [\"@release-managers\"]\n", "");
        assertThat(errors(noApprovers)).containsExactly(
                P + "approvers: is required when approvals is 1: nobody could approve");
        assertThat(errors(PROD.replace("[\"@release-managers\"]", "[]"))).hasSize(1);
    }

    @Test
    void approvalsMustBeAWholeNumberNotNegative() {
        assertThat(errors(PROD.replace("approvals: 1", "approvals: -1")))
                .containsExactly(P + "approvals: must be a whole number >= 0, got -1");
        assertThat(errors(PROD.replace("approvals: 1", "approvals: 1.5")))
                .containsExactly(P + "approvals: must be a whole number >= 0, got 1.5");
    }

    @Test
    void unknownKeysSuggestTheClosestKnownKey() {
        assertThat(errors(PROD + "      selfApproval: true\n"))
                .containsExactly(P + "selfApproval: unknown key; did you mean \"self-approval\"?");
        assertThat(errors(PROD + "      colour: blue\n")).singleElement().asString()
                .startsWith(P + "colour: unknown key; known keys: channel, approvals, approvers");
    }

    @Test
    void durationsUseTheTeamConfigSyntax() {
        assertThat(errors(PROD + "      nudge-after: 15 minutes\n      post-release-check: 0m\n")).containsExactly(
                P + "nudge-after: must be a duration like 30s, 15m, 4h or 2d, got \"15 minutes\"",
                P + "post-release-check: must be a duration like 30s, 15m, 4h or 2d, got \"0m\"");
    }

    @Test
    void buildSilenceDefaultsTo15mAndIsSetPerEnvironment() {
        assertThat(TeamConfigs.valid(PROD).environment("prod").orElseThrow().buildSilence())
                .isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(TeamConfigs.valid(PROD + "      build-silence: 40m\n").environment("prod").orElseThrow().buildSilence())
                .isEqualTo(java.time.Duration.ofMinutes(40));
        assertThat(errors(PROD + "      build-silence: 20s\n")).containsExactly(P + "build-silence: must be at least 1m:"
                + " a build is polled from its backend after this long without news");
    }

    @Test
    void aNudgeThatWouldComeAfterExpiryIsRejected() {
        assertThat(errors(PROD + "      nudge-after: 5h\n")).containsExactly(
                P + "nudge-after: must be shorter than expire-after (4h), or approvers are never nudged");
    }

    @Test
    void badWindowsSayWhatIsWrong() {
        assertThat(errors(PROD + "      window: \"Mon-Thu 09:00-16:00 America/Los_Angles\"\n")).containsExactly(
                P + "window: unknown time zone \"America/Los_Angles\"; use an IANA name such as America/Los_Angeles, "
                        + "Europe/London or UTC");
        assertThat(errors(PROD + "      window: \"weekdays, business hours\"\n")).singleElement().asString()
                .startsWith(P + "window: must look like \"Mon-Thu 09:00-16:00 America/Los_Angeles\"");
        assertThat(errors(PROD + "      window: \"Mon-Thu 09:00-16:00\"\n")).singleElement().asString()
                .startsWith(P + "window: needs a time zone");
    }

    @Test
    void freezeAtMustBeASeverity() {
        assertThat(errors(PROD + "      freeze-at: sev5\n"))
                .containsExactly(P + "freeze-at: must be one of sev1, sev2, sev3, sev4, got \"sev5\"");
        assertThat(errors(PROD + "      freeze-at: 2\n"))
                .containsExactly(P + "freeze-at: must be one of sev1, sev2, sev3, sev4, got 2");
    }

    @Test
    void gatesMustBeKnownAndHaveWhatTheyCheck() {
        assertThat(errors(PROD + "      gates: [lock, alrams]\n"))
                .containsExactly(P + "gates[1]: unknown gate \"alrams\"; did you mean \"alarms\"?");
        assertThat(errors(PROD + "      gates: [window, freeze]\n")).containsExactly(
                P + "gates: lists window, but no window is set for this environment",
                P + "gates: lists freeze, but no freeze-at severity is set for this environment");
        assertThat(valid(PROD + "      gates: [lock]\n").environment("prod").orElseThrow().gates())
                .containsExactly(Gate.LOCK);
    }

    @Test
    void booleansMustBeBooleans() {
        assertThat(errors(PROD + "      auto-start: sometimes\n"))
                .containsExactly(P + "auto-start: must be true or false, got \"sometimes\"");
    }

    @Test
    void environmentNamesAreLowercaseCommandWords() {
        assertThat(errors(PROD.replace("prod:", "Prod Env:"))).containsExactly("flightdeck.yml: "
                + "flightdeck.environments.Prod Env: environment names are lowercase letters, digits, - and _ "
                + "(they are typed in commands), got \"Prod Env\"");
    }

    @Test
    void anEmptyEnvironmentReportsWhatItLacks() {
        assertThat(errors("flightdeck: { environments: { prod: } }")).hasSize(2)
                .allMatch(e -> e.startsWith(P));
    }
}
