package dev.flightdeck.slack.deploy;

import dev.flightdeck.deploy.DeployNews;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.PromotionOutcome;
import dev.flightdeck.deploy.PromotionOutcome.*;
import dev.flightdeck.text.UtcTime;

import static dev.flightdeck.slack.deploy.DeployWords.checks;
import static dev.flightdeck.slack.deploy.DeployWords.noSuchRequest;
import static dev.flightdeck.slack.deploy.DeployWords.upper;
import static dev.flightdeck.slack.deploy.DeployWords.user;
import static dev.flightdeck.slack.deploy.DeployWords.what;

/** Promote to PROD in words: the button, the thread's acknowledgement, and every refusal (told to the clicker only). */
final class PromoteWords {
    private PromoteWords() {
    }

    static String button(String target) {
        return "Promote to " + upper(target);
    }

    /** Above the button, in the success's thread copy. */
    static String offer(DeployRequest r, java.util.List<String> targets) {
        return r.service() + " " + r.version() + " succeeded in " + r.envUpper() + "; "
                + String.join(" and ", targets.stream().map(DeployWords::upper).toList())
                + (targets.size() == 1 ? " takes" : " take") + " versions from here.";
    }

    /** A value no Promote button carries (Flightdeck draws {@code <deploy id>:<environment>}). */
    static String notAButton(String value) {
        String shown = value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "This Promote button's value " + dev.flightdeck.text.Mrkdwn.code(shown)
                + " names no deploy and environment; nothing was opened.";
    }

    /** In the promoted deploy's thread: who opened what, where. */
    static String promoted(DeployNews.Promoted p) {
        DeployRequest o = p.opened();
        String where = p.posted() && o.channelId() != null ? "its go/no-go is in <#" + o.channelId() + ">"
                : "its go/no-go message follows in the " + o.envUpper() + " channel";
        return user(p.userId()) + " promoted " + o.service() + " " + o.version() + " to " + o.envUpper() + ": deploy #"
                + o.id() + ", " + where + (p.blocking().isEmpty() ? "." : ", blocked by " + checks(p.blocking()) + ".");
    }

    /** A refused click; {@code page} gives the address of a deploy's page. */
    static String refused(PromotionOutcome o, java.util.function.LongFunction<String> page) {
        if (o instanceof NotOpened x) {
            return OutcomeWords.say(x.why());
        }
        if (o instanceof NoSuchDeploy x) {
            return noSuchRequest(x.id());
        }
        if (o instanceof NotSucceeded x) {
            return "Deploy " + what(x.source()) + " is " + x.source().state().label()
                    + ": only a successful deploy can be promoted.";
        }
        if (o instanceof NoLongerPromotes x) {
            return upper(x.target()) + " does not take versions from " + x.source().envUpper()
                    + " (no such promotion-from in the team file now); nothing was opened.";
        }
        if (o instanceof AlreadyLive x) {
            return x.source().service() + " " + x.source().version() + " is already live in " + x.live().envUpper()
                    + " (deploy #" + x.live().id() + ", since " + UtcTime.format(x.live().finishedAt(), "?")
                    + "); nothing to promote.";
        }
        if (o instanceof Outdated x) {
            return "This button is outdated: " + x.source().service() + " " + x.live().version() + ", newer than "
                    + x.source().version() + ", is already live in " + x.live().envUpper() + " (deploy #" + x.live().id()
                    + ", since " + UtcTime.format(x.live().finishedAt(), "?") + "). Nothing was opened.";
        }
        if (o instanceof AlreadyOpen x) {
            DeployRequest r = x.open();
            String in = r.channelId() != null ? " in <#" + r.channelId() + ">" : "";
            return "Deploy " + what(r) + " is already open (" + r.state().label() + ", requested by "
                    + user(r.requesterId()) + ")" + in + ": " + page.apply(r.id()) + ". Nothing new was opened.";
        }
        BeingOpened x = (BeingOpened) o;
        return x.by().map(DeployWords::user).orElse("Someone") + " is opening the promotion of " + x.source().service()
                + " " + x.source().version() + " to " + upper(x.target()) + " right now; its go/no-go message follows.";
    }
}
