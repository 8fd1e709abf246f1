package dev.flightdeck.slack.deploy.flags;

import dev.flightdeck.deploy.flags.FlagNews;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.Optional;

/** What a flag request's thread hears of each {@link FlagNews}, and the channel's line when a flag changes. */
final class FlagNewsWords {

    private FlagNewsWords() {
    }

    static String thread(FlagRequest r, FlagNews news, String approverMentions) {
        if (news instanceof FlagNews.GoRecorded g) {
            return "<@" + g.userId() + "> said go (" + g.have() + " of " + g.need() + "); waiting for another approver.";
        } else if (news instanceof FlagNews.Applying a) {
            return "<@" + a.userId() + "> go ahead: turning " + FlagWords.what(r) + ".";
        } else if (news instanceof FlagNews.KillSwitched k) {
            return ":rotating_light: <@" + k.userId() + ">, commander of INC-" + k.incidentNumber() + ", flipped the kill "
                    + "switch: turning " + FlagWords.what(r) + " without waiting for approval.";
        } else if (news instanceof FlagNews.Applied) {
            return ":white_check_mark: Done: " + FlagWords.what(r) + " (" + r.number() + ").";
        } else if (news instanceof FlagNews.ApplyFailed f) {
            return ":x: The flag did not change: " + Mrkdwn.escapeForeign(Texts.cut(f.message(), 500))
                    + ". Whoever asked or an approver can press *Retry* or *Cancel*.";
        } else if (news instanceof FlagNews.Retried x) {
            return "<@" + x.userId() + "> is trying the flip again.";
        } else if (news instanceof FlagNews.Rejected x) {
            return "<@" + x.userId() + "> said no-go: " + Mrkdwn.code(r.flagKey()) + " stays as it is.";
        } else if (news instanceof FlagNews.Cancelled x) {
            return "<@" + x.userId() + "> cancelled this request; the flag did not change.";
        } else if (news instanceof FlagNews.Expired) {
            return "This request expired without a decision; the flag did not change.";
        } else if (news instanceof FlagNews.Nudged n) {
            return approverMentions + " " + r.number() + " (" + FlagWords.what(r) + ") is still waiting for a decision"
                    + (n.count() > 1 ? " (reminder " + n.count() + ")" : "") + ".";
        }
        throw new IllegalStateException("no words for " + news.getClass().getSimpleName());
    }

    /**
     * {@code PROD: flag new-emails turned on by <@U>}; a kill switch adds who let it through without approval, loudly.
     */
    static String announcement(FlagRequest r, FlagNews.Applied applied) {
        String line = FlagWords.upper(r.environment()) + ": flag " + Mrkdwn.escape(r.flagKey()) + " turned " + r.target()
                + " by <@" + applied.userId() + ">";
        if (r.isKillSwitch()) {
            return ":rotating_light: " + line + " — KILL SWITCH by the commander of INC-" + r.killSwitchIncident().get()
                    + ", without approval (" + r.number() + ")";
        }
        return line;
    }

    static Optional<String> actor(FlagNews news) {
        if (news instanceof FlagNews.Rejected r) {
            return Optional.of(r.userId());
        } else if (news instanceof FlagNews.Cancelled c) {
            return Optional.of(c.userId());
        } else if (news instanceof FlagNews.Applied a) {
            return Optional.of(a.userId());
        }
        return Optional.empty();
    }
}
