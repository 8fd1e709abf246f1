package dev.flightdeck.slack.envconfig.change;

import dev.flightdeck.deploy.ApproverRef;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.deploy.Gate;
import dev.flightdeck.envconfig.RuleFinding;
import dev.flightdeck.envconfig.RuleResult;
import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeState;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ValueChange;
import dev.flightdeck.team.ChannelRef;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Config change requests built directly, for rendering tests (no AWS, no database). */
final class ChangeTestData {

    static final Instant PROPOSED_AT = Instant.parse("2026-12-07T10:00:00Z");
    static final String PATTERN = "^https://sqs\\.[a-z0-9-]+\\.amazonaws\\.com/[0-9]+/commons-prod-emails$";
    static final String OLD_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/commons-prod-emails";
    static final String NEW_URL = "https://sqs.eu-west-1.amazonaws.com/123456789012/commons-prod-emails";

    private ChangeTestData() {
    }

    static EnvironmentConfig prod() {
        return new EnvironmentConfig("prod", new ChannelRef.Named("deploys"), 1, List.of(new ApproverRef.User("U0LEAD")),
                false, Optional.empty(), Optional.empty(), Set.of(Gate.CONFIG), true, Duration.ofMinutes(15),
                Duration.ofMinutes(10), Duration.ofHours(4), Duration.ofMinutes(5));
    }

    static ConfigChange plain(long id, String oldValue, String newValue, ChangeState state, boolean blocked) {
        ConfigTarget target = new ConfigTarget("commons", "prod", "EMAIL_QUEUE_URL", "/commons/prod/EMAIL_QUEUE_URL", "String");
        RuleResult pattern = blocked
                ? RuleResult.fail(RuleResult.Rule.PATTERN, "EMAIL_QUEUE_URL", new RuleFinding.DoesNotMatch("prod", newValue, PATTERN))
                : RuleResult.pass(RuleResult.Rule.PATTERN, "EMAIL_QUEUE_URL", new RuleFinding.Matches(PATTERN));
        return change(id, target, new ValueChange("3", Optional.ofNullable(oldValue), Optional.of(newValue),
                oldValue == null ? "" : "a1b2c3d4", "9f8e7d6c"), state, blocked, List.of(
                RuleResult.pass(RuleResult.Rule.REQUIRED, "EMAIL_QUEUE_URL", new RuleFinding.Present()), pattern));
    }

    static ConfigChange secret(long id, boolean hadValue, ChangeState state) {
        ConfigTarget target = new ConfigTarget("commons", "prod", "SMTP_PASSWORD", "commons/prod", "secret");
        return change(id, target, new ValueChange(hadValue ? "v-7f3a" : "", Optional.empty(), Optional.empty(),
                hadValue ? "a1b2c3d4" : "", "9f8e7d6c"), state, false, List.of());
    }

    static ConfigChange change(long id, ConfigTarget target, ValueChange value, ChangeState state, boolean blocked,
                               List<RuleResult> rules) {
        return new ConfigChange(id, target, ChangeKind.SET, value, "U0PROPOSER", state, List.of(), rules, blocked,
                Optional.empty(), Optional.empty(), new ConfigChange.Timers(PROPOSED_AT, PROPOSED_AT.plusSeconds(900), 0,
                PROPOSED_AT.plusSeconds(4 * 3600), null), Optional.of(new ConfigChange.Message("C0DEPLOYS1", "1765100000.000100")),
                "", Optional.empty());
    }
}
