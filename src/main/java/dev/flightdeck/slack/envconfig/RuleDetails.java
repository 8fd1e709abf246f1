package dev.flightdeck.slack.envconfig;

import dev.flightdeck.envconfig.RuleDescriber;
import dev.flightdeck.envconfig.RuleFinding;
import dev.flightdeck.envconfig.RuleResult;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

import static dev.flightdeck.text.Mrkdwn.code;

/**
 * A rule's finding in words, as mrkdwn: for {@code /deploy config check} and for the config gate's reason in the
 * go/no-go message. Values and patterns go in code spans (escaped there); the key is bold.
 */
@Singleton
public final class RuleDetails implements RuleDescriber {

    @Override
    public String describe(RuleResult result) {
        return detail(result);
    }

    public static String detail(RuleResult r) {
        String key = "*" + r.key() + "*";
        RuleFinding f = r.finding();
        if (f instanceof RuleFinding.Present) {
            return "set";
        } else if (f instanceof RuleFinding.Missing m) {
            return key + " is missing in " + m.env();
        } else if (f instanceof RuleFinding.NothingToMatch) {
            return "not set, nothing to match";
        } else if (f instanceof RuleFinding.SecretNotMatched s) {
            return key + " is a secret; Flightdeck does not look at secret values, so " + code(s.pattern())
                    + " is not checked";
        } else if (f instanceof RuleFinding.Matches m) {
            return "matches " + code(m.pattern());
        } else if (f instanceof RuleFinding.DoesNotMatch d) {
            return key + " in " + d.env() + " is " + code(d.value()) + ", which does not match " + code(d.pattern());
        } else if (f instanceof RuleFinding.NotSet) {
            return "not set";
        } else if (f instanceof RuleFinding.SameAsInEnvironments s) {
            return key + " in " + s.env() + " has the same value as in " + String.join(", ", s.environments());
        } else if (f instanceof RuleFinding.DiffersFromEveryEnvironment) {
            return "differs from every other environment";
        } else if (f instanceof RuleFinding.SameAsOtherServices s) {
            return key + " in " + s.env() + " has the same value as " + s.clashes().stream()
                    .map(c -> c.service() + "'s " + c.key()).collect(Collectors.joining(", ")) + " in " + s.env();
        } else if (f instanceof RuleFinding.UniqueAmongServices u) {
            return "no other service has this value in " + u.env();
        } else if (f instanceof RuleFinding.CouldNotCompare c) {
            return "could not compare " + key + " with " + c.unreadable().stream()
                    .map(u -> u.name() + " (" + u.reason() + ")").collect(Collectors.joining(", "));
        } else if (f instanceof RuleFinding.NamesOtherEnvironment n) {
            return key + " in " + n.env() + " names " + n.named() + ": " + code(n.value());
        }
        throw new IllegalStateException("no words for " + f);
    }
}
