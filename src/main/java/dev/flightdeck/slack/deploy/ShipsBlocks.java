package dev.flightdeck.slack.deploy;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.ships.ShippedCommit;
import dev.flightdeck.deploy.ships.Ships;
import dev.flightdeck.deploy.ships.WhatShips;
import dev.flightdeck.text.Durations;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/**
 * "What ships" in the go/no-go message: one section, above the status, saying how many commits a deploy brings and
 * listing the first ten (short sha, first line, pull request, author). Commit messages are other people's text:
 * escaped, cut, and the section kept under Slack's 3,000 characters.
 */
@Singleton
public class ShipsBlocks {

    private static final Logger LOG = LoggerFactory.getLogger(ShipsBlocks.class);
    /** Slack's limit on a section's text is 3,000 characters; the rest is room for the "and N more" line. */
    static final int MAX_TEXT = 2900;
    static final int MAX_LINE = 100;

    private final WhatShips ships;

    public ShipsBlocks(WhatShips ships) {
        this.ships = ships;
    }

    /** {@code blocks} with what ships inserted before the status (the first divider); unchanged when nothing to say. */
    public List<LayoutBlock> into(DeployRequest r, List<LayoutBlock> blocks) {
        Optional<String> text;
        try {
            text = text(ships.of(r));
        } catch (RuntimeException e) {
            // What ships is a help to the approver, never a reason to hold the go/no-go message back.
            LOG.warn("could not work out what deploy #{} ships", r.id(), e);
            return blocks;
        }
        if (text.isEmpty()) {
            return blocks;
        }
        List<LayoutBlock> out = new ArrayList<>(blocks);
        int at = 0;
        while (at < out.size() && !(out.get(at) instanceof DividerBlock)) {
            at++;
        }
        out.add(at, section(s -> s.text(markdownText(text.get()))));
        return out;
    }

    /** The section's mrkdwn, or empty for a service without a repository. */
    static Optional<String> text(Ships s) {
        String head = "*What ships*: ";
        if (s instanceof Ships.NotTracked) {
            return Optional.empty();
        }
        if (s instanceof Ships.FirstDeploy x) {
            return Optional.of(head + "first deploy of " + x.service() + " to " + x.environment().toUpperCase(Locale.ROOT));
        }
        if (s instanceof Ships.NothingNew x) {
            return Optional.of(head + "nothing new since the live version " + Mrkdwn.code(x.live()));
        }
        if (s instanceof Ships.Rollback x) {
            return Optional.of(head + "takes away " + Texts.plural(x.takenAway(), "commit", "commits")
                    + " of the live version " + Mrkdwn.code(x.live()) + compare(x.compareUrl()));
        }
        if (s instanceof Ships.Unreadable x) {
            return Optional.of(head + "could not read what ships: " + Mrkdwn.escape(Texts.cut(x.reason(), 500)));
        }
        if (s instanceof Ships.TimedOut x) {
            return Optional.of(head + "could not read what ships: GitHub did not answer within "
                    + (x.waited().toMillis() % 1000 == 0 ? Durations.format(x.waited()) : x.waited().toMillis() + "ms"));
        }
        return Optional.of(commits((Ships.Commits) s));
    }

    private static String commits(Ships.Commits x) {
        StringBuilder text = new StringBuilder("*What ships*: " + Texts.plural(x.total(), "commit", "commits")
                + " since the live version " + Mrkdwn.code(x.live()) + compare(x.compareUrl()));
        if (x.takenAway() > 0) {
            text.append(", and it lacks ").append(Texts.plural(x.takenAway(), "commit", "commits")).append(" of it");
        }
        int listed = 0;
        for (ShippedCommit c : x.shown()) {
            String line = "\n" + line(c);
            if (text.length() + line.length() > MAX_TEXT) {
                break;
            }
            text.append(line);
            listed++;
        }
        if (x.total() > listed) {
            text.append("\n…and ").append(x.total() - listed).append(" more");
        }
        return text.toString();
    }

    static String line(ShippedCommit c) {
        String sha = safe(c.url()) == null ? "`" + c.shortSha() + "`" : "<" + c.url() + "|`" + c.shortSha() + "`>";
        String pr = c.pr() == 0 ? "" : safe(c.prUrl()) == null ? " (#" + c.pr() + ")"
                : " (<" + c.prUrl() + "|#" + c.pr() + ">)";
        String first = c.title();
        return sha + " " + Mrkdwn.escapeForeign(Texts.cut(first, MAX_LINE)) + pr + " — "
                + Mrkdwn.escapeForeign(Texts.cut(c.author(), 60));
    }

    private static String compare(String url) {
        return safe(url) == null ? "" : " (<" + url + "|compare>)";
    }

    /** An http(s) link that cannot break out of Slack's {@code <url|label>}; null otherwise. */
    private static String safe(String url) {
        String u = Texts.safeUrl(url);
        return u == null || u.matches(".*[<>|\\s].*") ? null : u;
    }
}
