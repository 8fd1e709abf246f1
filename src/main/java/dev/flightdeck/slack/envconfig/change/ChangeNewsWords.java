package dev.flightdeck.slack.envconfig.change;

import dev.flightdeck.envconfig.change.ChangeKind;
import dev.flightdeck.envconfig.change.ChangeNews;
import dev.flightdeck.envconfig.change.ConfigChange;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.Optional;

/** What the request's thread hears of each {@link ChangeNews}, and the channel's line when a change is written. */
final class ChangeNewsWords {

    private ChangeNewsWords() {
    }

    /** @param approverMentions for a nudge: the approvers, pinged */
    static String thread(ConfigChange c, ChangeNews news, String approverMentions) {
        if (news instanceof ChangeNews.GoRecorded g) {
            return "<@" + g.userId() + "> said go (" + g.have() + " of " + g.need() + "); waiting for another approver.";
        } else if (news instanceof ChangeNews.Applying a) {
            return "<@" + a.userId() + "> go ahead: writing " + ChangeWords.what(c) + ".";
        } else if (news instanceof ChangeNews.Applied a) {
            return c.kind() == ChangeKind.UNSET ? ":white_check_mark: Written: " + ChangeWords.what(c) + " is removed."
                    : ":white_check_mark: Written: " + ChangeWords.what(c) + " is now version "
                    + Mrkdwn.escape(a.newVersion()) + ".";
        } else if (news instanceof ChangeNews.Conflicted x) {
            return ":no_entry: Nothing written: " + Mrkdwn.escape(c.key()) + " changed since this was proposed (now version "
                    + Mrkdwn.escape(x.currentVersion()) + x.by().map(b -> ", changed by " + Mrkdwn.escapeForeign(b)).orElse("")
                    + "). Propose again from the current value if it is still needed.";
        } else if (news instanceof ChangeNews.WriteFailed f) {
            return ":x: The write failed: " + Mrkdwn.escapeForeign(Texts.cut(f.message(), 500))
                    + ". Nothing was changed; the proposer or an approver can press *Retry* or *Cancel*.";
        } else if (news instanceof ChangeNews.Retried r) {
            return "<@" + r.userId() + "> is retrying the write.";
        } else if (news instanceof ChangeNews.Rejected r) {
            return "<@" + r.userId() + "> said no-go: " + Mrkdwn.escape(c.key()) + " stays as it is.";
        } else if (news instanceof ChangeNews.Cancelled x) {
            return "<@" + x.userId() + "> cancelled this change; nothing was written.";
        } else if (news instanceof ChangeNews.Expired) {
            return "This change expired without a decision; nothing was written.";
        } else if (news instanceof ChangeNews.Overridden o) {
            return ":warning: <@" + o.userId() + "> overrode the failing rules: _"
                    + Mrkdwn.escape(Texts.cut(o.reason(), 500)) + "_. It now waits for a go.";
        } else if (news instanceof ChangeNews.Nudged n) {
            return approverMentions + " change #" + c.id() + " (" + ChangeWords.what(c) + ") is still waiting for a decision"
                    + (n.count() > 1 ? " (reminder " + n.count() + ")" : "") + ".";
        }
        throw new IllegalStateException("no words for " + news.getClass().getSimpleName());
    }

    /** {@code PROD: config EMAIL_QUEUE_URL of commons changed by <@U> (version 3 → 4)} */
    static String announcement(ConfigChange c, ChangeNews.Applied a) {
        String from = a.oldVersion() == null || a.oldVersion().isEmpty() ? "new" : Mrkdwn.escape(a.oldVersion());
        String head = ChangeWords.upper(c.environment()) + ": config " + Mrkdwn.escape(c.key()) + " of "
                + Mrkdwn.escape(c.service());
        if (c.kind() == ChangeKind.UNSET) {
            return head + " removed by <@" + a.userId() + "> (was version " + from + ")";
        }
        return head + " changed by <@" + a.userId() + "> (version " + from + " → " + Mrkdwn.escape(a.newVersion()) + ")";
    }

    /** Who moved the change to the state it is in, for the redrawn message. */
    static Optional<String> actor(ChangeNews news) {
        if (news instanceof ChangeNews.Rejected r) {
            return Optional.of(r.userId());
        } else if (news instanceof ChangeNews.Cancelled c) {
            return Optional.of(c.userId());
        } else if (news instanceof ChangeNews.Applied a) {
            return Optional.of(a.userId());
        }
        return Optional.empty();
    }
}
