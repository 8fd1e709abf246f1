package dev.flightdeck.slack.envconfig.watch;

import dev.flightdeck.envconfig.RuleResult;
import dev.flightdeck.envconfig.change.ConfigWatchNews;
import dev.flightdeck.slack.envconfig.RuleDetails;
import dev.flightdeck.text.Mrkdwn;

import java.util.List;
import java.util.Locale;

/**
 * Every word of an outside change's announcement: {@code PROD: config KEY of svc changed outside Flightdeck by <arn>
 * (version 3 → 4)}, the new value for a plain key (fingerprints only for a secret), then the rules run again. The
 * ARN, key and value come from AWS, not Slack: escaped so they show as written and ping nobody.
 */
final class ConfigWatchWords {

    static final String UNNAMED = "someone AWS did not name";
    private static final int MAX_VALUE = 300;
    private static final int MAX_ACTOR = 300;
    /** Slack's limit on a message's text is 40,000 characters; far fewer keep the channel readable. */
    private static final int MAX_RULE_LINES = 10;

    private ConfigWatchWords() {
    }

    static String headline(ConfigWatchNews.OutsideNews n) {
        String who = n.actor().isBlank() ? UNNAMED : Mrkdwn.escapeForeign(cut(n.actor(), MAX_ACTOR));
        if (n.removed()) {
            return n.environment().toUpperCase(Locale.ROOT) + ": config " + Mrkdwn.escapeForeign(n.key()) + " of "
                    + n.service() + " removed outside Flightdeck by " + who + " (was version "
                    + Mrkdwn.escapeForeign(n.oldVersion()) + ")";
        }
        return n.environment().toUpperCase(Locale.ROOT) + ": config " + Mrkdwn.escapeForeign(n.key()) + " of "
                + n.service() + " changed outside Flightdeck by " + who + " (version "
                + (n.oldVersion().isEmpty() ? "none" : Mrkdwn.escapeForeign(n.oldVersion())) + " → "
                + Mrkdwn.escapeForeign(n.newVersion()) + ")";
    }

    static String text(ConfigWatchNews.OutsideNews n) {
        return headline(n) + "\n" + value(n) + "\n" + rules(n.rules());
    }

    static String value(ConfigWatchNews.OutsideNews n) {
        if (n.removed()) {
            return "It no longer exists (fingerprint " + Mrkdwn.code(n.oldFingerprint()) + " before).";
        }
        if (n.secret()) {
            return "Secret: fingerprint " + (n.oldFingerprint().isEmpty() ? "none" : Mrkdwn.code(n.oldFingerprint()))
                    + " → " + Mrkdwn.code(n.newFingerprint()) + " (the value is never shown)";
        }
        return "Now " + n.newValue().map(v -> Mrkdwn.code(cut(v, MAX_VALUE))).orElse("(not shown)");
    }

    static String rules(ConfigWatchNews.Rules rules) {
        if (rules instanceof ConfigWatchNews.Rules.NotRun notRun) {
            return ":warning: the rules could not be run again: " + Mrkdwn.escapeForeign(notRun.reason());
        }
        List<RuleResult> blocking = ((ConfigWatchNews.Rules.Checked) rules).report().blocking();
        if (blocking.isEmpty()) {
            return ":white_check_mark: rules pass";
        }
        StringBuilder s = new StringBuilder(":no_entry: rules fail:");
        blocking.stream().limit(MAX_RULE_LINES).forEach(r -> s.append("\n• *").append(r.rule().label()).append("* ")
                .append(r.outcome() == RuleResult.Outcome.UNKNOWN ? "could not be told: " : "fails: ")
                .append(RuleDetails.detail(r)));
        if (blocking.size() > MAX_RULE_LINES) {
            s.append("\n… and ").append(blocking.size() - MAX_RULE_LINES).append(" more (see `/deploy config check`)");
        }
        return s.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
