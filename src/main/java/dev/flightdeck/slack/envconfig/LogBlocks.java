package dev.flightdeck.slack.envconfig;

import dev.flightdeck.envconfig.logs.LogAnswer;
import dev.flightdeck.envconfig.logs.LogLine;
import dev.flightdeck.envconfig.logs.LogQueries;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Every word of {@code /deploy logs}: the acknowledgement, and each {@link LogAnswer} as a message. Log lines are
 * text from outside: shown in code blocks, escaped so no {@code <!channel>} or {@code <@U…>} in a log pings anyone.
 */
public final class LogBlocks {

    static final int LINE_MAX = 400;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int CODE_BLOCK_MAX = 2800;

    private LogBlocks() {
    }

    static String ack(DeployCommand.Logs c) {
        return "Searching the logs of *" + c.service() + "* in *" + c.env() + "* over the last "
                + LogQueries.words(c.since()) + filter(c) + "…";
    }

    static String noLogs(String service) {
        return "*" + service + "* has no log groups in the team config: add `logs: { groups: [\"/ecs/" + service
                + "-{env}\"] }` under `services: " + service + ":`.";
    }

    public static Rendered render(DeployCommand.Logs c, LogAnswer answer) {
        String scope = "*" + c.service() + "* in *" + c.env() + "*";
        String link = link(answer.link());
        if (answer instanceof LogAnswer.Found found) {
            return found(c, found, link);
        }
        if (answer instanceof LogAnswer.StillRunning running) {
            return Rendered.plain(":hourglass_flowing_sand: The search of the logs of " + scope + " is still running after "
                    + running.waited().toSeconds() + " s; its lines will follow here when it is done." + link);
        }
        if (answer instanceof LogAnswer.GaveUp gaveUp) {
            return Rendered.plain(":hourglass: The search of the logs of " + scope + " was still running after "
                    + LogQueries.words(gaveUp.after()) + ", so it was stopped. Try a shorter `since` or a narrower filter."
                    + link);
        }
        LogAnswer.Failed failed = (LogAnswer.Failed) answer;
        return Rendered.plain(":warning: Could not search the logs of " + scope + ": " + Mrkdwn.escape(failed.why()) + "."
                + link);
    }

    private static Rendered found(DeployCommand.Logs c, LogAnswer.Found found, String link) {
        String title = "Logs of " + c.service() + " in " + c.env();
        String over = "over the last " + LogQueries.words(c.since()) + filter(c);
        BlockBudget budget = new BlockBudget().header(title);
        if (found.lines().isEmpty()) {
            String none = "No lines matched " + over + ".";
            return new Rendered(title + ": " + Mrkdwn.unescape(none), budget.text(none).context(link.strip()).build());
        }
        String count = found.matched() > found.lines().size()
                ? "The newest " + found.lines().size() + " of " + Texts.plural(found.matched(), "matching line", "matching lines")
                : Texts.plural(found.matched(), "matching line", "matching lines") + ", newest first,";
        String headline = count + " " + over + ":";
        budget.text(headline);
        for (String block : codeBlocks(found.lines())) {
            budget.text(block);
        }
        budget.context(link.strip());
        return new Rendered(title + ": " + Texts.plural(found.matched(), "matching line", "matching lines"), budget.build());
    }

    /** The lines as code blocks that each fit a section. */
    static List<String> codeBlocks(List<LogLine> lines) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (LogLine line : lines) {
            String shown = line.at().map(AT::format).map(t -> t + "  ").orElse("")
                    + untrusted(Texts.cut(line.text(), LINE_MAX));
            if (block.length() > 0 && block.length() + shown.length() + 1 > CODE_BLOCK_MAX) {
                blocks.add("```\n" + block + "\n```");
                block.setLength(0);
            }
            block.append(block.length() > 0 ? "\n" : "").append(shown);
        }
        blocks.add("```\n" + block + "\n```");
        return blocks;
    }

    /**
     * A log line as Slack shows it literally inside a code block, as build logs are quoted: {@code & < >} escaped, a
     * run of backticks broken so it cannot end the block, {@code @here}-style words broken so they notify nobody.
     */
    static String untrusted(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        escaped = escaped.replace("``", "`\u200B`");
        return escaped.replaceAll("(?i)@(here|channel|everyone)\\b", "@\u200B$1");
    }

    private static String filter(DeployCommand.Logs c) {
        return c.filter().map(f -> f.regionMatches(true, 0, LogQueries.QUERY_PREFIX, 0, LogQueries.QUERY_PREFIX.length())
                ? " with your query" : " for " + Mrkdwn.code(f)).orElse("");
    }

    private static String link(String url) {
        String safe = Texts.safeUrl(url);
        return safe == null ? "" : " <" + safe + "|Open it in CloudWatch Logs Insights>";
    }
}
